package org.releaseauditor.ui.dataset;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.model.RoleSuggester;
import org.releaseauditor.core.model.RoleSuggestion;
import org.releaseauditor.core.model.SniffResult;

/**
 * The import wizard's state: the sniffed format with the user's overrides, the preview, and the
 * suggested roles with reasons. Sniffing is quick (it reads the start of the file); the full
 * import runs later in the background.
 */
public final class ImportWizardViewModel {
    /** "Auto" choice in the combo boxes. */
    public static final String AUTO = "auto";

    private final Path file;
    private final StringProperty encoding = new SimpleStringProperty(AUTO);
    private final StringProperty delimiter = new SimpleStringProperty(AUTO);
    private final StringProperty quote = new SimpleStringProperty(AUTO);
    private final ObjectProperty<Boolean> header = new SimpleObjectProperty<>(null);
    private final StringProperty missing = new SimpleStringProperty(String.join(", ", sorted(ImportOptions.DEFAULT_MISSING)));
    private final StringProperty suppressed = new SimpleStringProperty("*");
    private final ReadOnlyObjectWrapper<SniffResult> sniff = new ReadOnlyObjectWrapper<>();
    private final ObservableList<RoleRow> roles = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty valid = new SimpleBooleanProperty(false);

    public ImportWizardViewModel(Path file) {
        this.file = file;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().map(x -> x.isEmpty() ? "(empty)" : x).sorted().toList();
    }

    public Path file() {
        return file;
    }

    /** The options as set in the wizard (auto = sniff). */
    public ImportOptions options() {
        Set<String> miss = tokens(missing.get());
        Set<String> supp = tokens(suppressed.get());
        Map<String, ColumnType> types = new LinkedHashMap<>();
        SniffResult s = sniff.get();
        for (int i = 0; i < roles.size(); i++) {
            RoleRow r = roles.get(i);
            if (s == null || i >= s.columnTypes().size() || r.typeProperty().get() != s.columnTypes().get(i)) {
                types.put(r.column(), r.typeProperty().get());
            }
        }
        return new ImportOptions(AUTO.equals(encoding.get()) ? null : encoding.get(), charOf(delimiter.get()),
                charOf(quote.get()), header.get(), miss, supp, types);
    }

    static Set<String> tokens(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : text.split(",")) {
            String s = t.trim();
            out.add("(empty)".equals(s) ? "" : s);
        }
        out.removeIf(x -> x.isEmpty() && !text.contains("(empty)"));
        return out;
    }

    static Character charOf(String s) {
        if (s == null || AUTO.equals(s)) {
            return null;
        }
        return switch (s) {
            case "tab", "\\t", "TAB" -> '\t';
            default -> s.charAt(0);
        };
    }

    /** Applies a sniff result: detected values, preview and role suggestions. */
    public void applySniff(SniffResult s) {
        sniff.set(s);
        error.set("");
        List<RoleSuggestion> suggestions = RoleSuggester.suggest(s);
        Map<String, AttributeRole> previous = new LinkedHashMap<>();
        for (RoleRow r : roles) {
            previous.put(r.column(), r.roleProperty().get());
        }
        roles.clear();
        for (int i = 0; i < s.columnNames().size(); i++) {
            String name = s.columnNames().get(i);
            RoleSuggestion sug = i < suggestions.size() ? suggestions.get(i) : null;
            AttributeRole role = previous.getOrDefault(name, sug == null ? AttributeRole.INSENSITIVE : sug.role());
            String reason = sug == null ? "" : Messages.get(sug.reasonKey(), sug.reasonArgs().toArray());
            roles.add(new RoleRow(name, s.columnTypes().get(i), role, reason));
        }
        valid.set(!roles.isEmpty());
    }

    /** Shows an import or sniff error (already localised, with file, line and column). */
    public void applyError(AuditException e) {
        error.set(e.getLocalizedMessage());
        valid.set(false);
    }

    /** Summary line of what was detected. */
    public String detectedSummary() {
        SniffResult s = sniff.get();
        if (s == null) {
            return "";
        }
        return Messages.get("import.detected", s.charset() + (s.bom() ? " (BOM)" : ""), delimiterName(s.delimiter()),
                s.header() ? Messages.get("import.yes") : Messages.get("import.no"), s.columnNames().size(),
                (s.exactRowCount() ? "" : "~") + String.format(Messages.locale(), "%,d", s.estimatedRows()));
    }

    static String delimiterName(char c) {
        return switch (c) {
            case '\t' -> "tab";
            case ' ' -> "space";
            default -> String.valueOf(c);
        };
    }

    /** The confirmed request. */
    public ImportRequest request() {
        Map<String, AttributeRole> r = new LinkedHashMap<>();
        for (RoleRow row : roles) {
            r.put(row.column(), row.roleProperty().get());
        }
        return new ImportRequest(file, options(), r);
    }

    public List<String> encodings() {
        return Arrays.asList(AUTO, "UTF-8", "windows-1252", "ISO-8859-1");
    }

    public List<String> delimiters() {
        return Arrays.asList(AUTO, ",", ";", "tab", "|");
    }

    public List<String> quotes() {
        return Arrays.asList(AUTO, "\"", "'");
    }

    public StringProperty encodingProperty() {
        return encoding;
    }

    public StringProperty delimiterProperty() {
        return delimiter;
    }

    public StringProperty quoteProperty() {
        return quote;
    }

    public ObjectProperty<Boolean> headerProperty() {
        return header;
    }

    public StringProperty missingProperty() {
        return missing;
    }

    public StringProperty suppressedProperty() {
        return suppressed;
    }

    public ReadOnlyObjectProperty<SniffResult> sniffProperty() {
        return sniff.getReadOnlyProperty();
    }

    public ObservableList<RoleRow> roles() {
        return roles;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty validProperty() {
        return valid;
    }
}
