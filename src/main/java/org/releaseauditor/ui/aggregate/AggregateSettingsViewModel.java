package org.releaseauditor.ui.aggregate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.releaseauditor.core.aggregate.ProtectionRequirement;
import org.releaseauditor.core.aggregate.TableSpec;
import org.releaseauditor.core.aggregate.ThresholdRule;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.aggregates.AggregateRequest;

/**
 * The aggregates settings: the release set's tables, the primary rules, the group check, the audit
 * and the series; turns them into an {@link AggregateRequest} or a list of localised validation
 * messages. No JavaFX nodes: tested without the toolkit.
 */
public final class AggregateSettingsViewModel {
    /** Margin tokens by default: the service defaults plus the upper-case ALL of operator files. */
    static final String DEFAULT_MARGINS = "Total|All|ALL|*";
    static final Set<String> TIME_NAMES = Set.of("date", "day", "hour", "time", "slot", "week", "month", "period");

    private final ObservableList<TableEntry> tables = FXCollections.observableArrayList();
    private final StringProperty threshold = new SimpleStringProperty("10");
    private final ObjectProperty<ThresholdRule.Operator> operator = new SimpleObjectProperty<>(ThresholdRule.Operator.LT);
    private final BooleanProperty zeroUnsafe = new SimpleBooleanProperty(false);
    private final BooleanProperty dominance = new SimpleBooleanProperty(false);
    private final StringProperty dominanceN = new SimpleStringProperty("3");
    private final StringProperty dominanceK = new SimpleStringProperty("75");
    private final BooleanProperty pRule = new SimpleBooleanProperty(false);
    private final StringProperty pPercent = new SimpleStringProperty("10");
    private final BooleanProperty group = new SimpleBooleanProperty(false);
    private final StringProperty groupDims = new SimpleStringProperty("");
    private final StringProperty groupBy = new SimpleStringProperty("");
    private final StringProperty groupAllowed = new SimpleStringProperty("0");
    private final BooleanProperty audit = new SimpleBooleanProperty(true);
    private final StringProperty protection = new SimpleStringProperty("0");
    private final StringProperty marginTokens = new SimpleStringProperty(DEFAULT_MARGINS);
    private final ObservableList<Path> series = FXCollections.observableArrayList();
    private final StringProperty areaDimension = new SimpleStringProperty("area");
    private final StringProperty timeDimensions = new SimpleStringProperty("");
    private final ObjectProperty<Path> areasFile = new SimpleObjectProperty<>();

    /** The outcome of validation: a request, or the messages that say what to fix. */
    public record Validated(AggregateRequest request, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Adds a table read from {@code file} with its header columns; fills in area/time defaults. */
    public TableEntry addTable(Path file, List<String> columns) {
        String base = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        String name = base;
        Set<String> used = new HashSet<>();
        tables.forEach(t -> used.add(t.nameProperty().get()));
        for (int i = 2; used.contains(name); i++) {
            name = base + "_" + i;
        }
        TableEntry e = new TableEntry(name, file, columns);
        tables.add(e);
        if (tables.size() == 1) {
            guessViewDimensions(e.dimensions());
        }
        return e;
    }

    void guessViewDimensions(List<String> dims) {
        if (!dims.contains(areaDimension.get())) {
            dims.stream().filter(d -> d.toLowerCase(Locale.ROOT).contains("area")).findFirst()
                    .ifPresent(areaDimension::set);
        }
        List<String> time = dims.stream().filter(d -> TIME_NAMES.contains(d.toLowerCase(Locale.ROOT))).toList();
        timeDimensions.set(String.join("|", time));
    }

    /** Validates every field and builds the request. */
    public Validated validate() {
        List<String> errors = new ArrayList<>();
        if (tables.isEmpty()) {
            errors.add(Messages.get("uiagg.validate.noTables"));
        }
        Set<String> margins = new LinkedHashSet<>(split(marginTokens.get()));
        List<AggregateRequest.TableInput> inputs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (TableEntry t : tables) {
            String name = t.nameProperty().get() == null ? "" : t.nameProperty().get().trim();
            if (name.isEmpty() || !names.add(name)) {
                errors.add(Messages.get("uiagg.validate.tableName", name));
            }
            String count = t.countColumnProperty().get();
            if (count == null || !t.columns().contains(count)) {
                errors.add(Messages.get("uiagg.validate.count", name, String.valueOf(count)));
            }
            if (t.dimensions().isEmpty()) {
                errors.add(Messages.get("uiagg.validate.dims", name));
            } else if (t.dimensions().contains(count)) {
                errors.add(Messages.get("uiagg.validate.dimIsCount", name, count));
            }
            Double scale = number(t.scaleProperty().get(), Messages.get("uiagg.field.scale", name), errors, true);
            String magnitude = blankToNull(t.magnitudeColumnProperty().get());
            TableSpec spec = new TableSpec(name, count, List.copyOf(t.dimensions()), magnitude,
                    scale == null ? 1.0 : scale, null, margins, TableSpec.DEFAULT_SUPPRESSION);
            inputs.add(AggregateRequest.TableInput.of(spec, t.fileProperty().get()));
        }
        Double th = number(threshold.get(), Messages.get("uiagg.field.threshold"), errors, false);
        ThresholdRule rule = th == null ? null : new ThresholdRule(th, operator.get(), zeroUnsafe.get());
        int domN = 0;
        double domK = Double.NaN;
        boolean magnitudes = tables.stream().anyMatch(t -> blankToNull(t.magnitudeColumnProperty().get()) != null);
        if (dominance.get()) {
            Double n = number(dominanceN.get(), "n", errors, true);
            Double k = number(dominanceK.get(), "k", errors, true);
            if (n != null && k != null) {
                if (n < 1 || n != Math.rint(n) || k <= 0 || k > 100) {
                    errors.add(Messages.get("uiagg.validate.dominance", dominanceN.get(), dominanceK.get()));
                } else {
                    domN = n.intValue();
                    domK = k;
                }
            }
            if (!magnitudes) {
                errors.add(Messages.get("uiagg.validate.needsMagnitude", Messages.get("uiagg.dominance")));
            }
        }
        double p = Double.NaN;
        if (pRule.get()) {
            Double v = number(pPercent.get(), "p", errors, true);
            p = v == null ? Double.NaN : v;
            if (!magnitudes) {
                errors.add(Messages.get("uiagg.validate.needsMagnitude", Messages.get("uiagg.pPercent")));
            }
        }
        AggregateRequest.GroupCheck gc = null;
        if (group.get()) {
            List<String> dims = split(groupDims.get());
            String by = blankToNull(groupBy.get());
            Double allowed = number(groupAllowed.get(), Messages.get("uiagg.field.allowed"), errors, true);
            if (dims.isEmpty() || by == null) {
                errors.add(Messages.get("uiagg.validate.group"));
            } else {
                gc = new AggregateRequest.GroupCheck(dims, by, allowed == null ? 0 : allowed);
            }
        }
        ProtectionRequirement prot = ProtectionRequirement.exactOnly();
        String pr = protection.get() == null ? "0" : protection.get().trim();
        if (pr.endsWith("%")) {
            Double v = number(pr.substring(0, pr.length() - 1), Messages.get("uiagg.field.protection"), errors, true);
            prot = new ProtectionRequirement(0, v == null ? 0 : v);
        } else if (!pr.isEmpty()) {
            Double v = number(pr, Messages.get("uiagg.field.protection"), errors, true);
            prot = new ProtectionRequirement(v == null ? 0 : v, 0);
        }
        Map<String, List<Path>> ser = new LinkedHashMap<>();
        if (!series.isEmpty() && !inputs.isEmpty()) {
            ser.put(inputs.get(0).spec().name(), List.copyOf(series));
        }
        if (!errors.isEmpty()) {
            return new Validated(null, errors);
        }
        return new Validated(new AggregateRequest(inputs, Map.of(), rule, domN, domK, p, gc, audit.get(), prot, 0,
                ser, null), List.of());
    }

    /** Parses a non-negative number; adds a message naming the field when it is not one. */
    private static Double number(String text, String field, List<String> errors, boolean required) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            if (required) {
                errors.add(Messages.get("uiagg.validate.number", field, ""));
            }
            return null;
        }
        try {
            double v = Double.parseDouble(t.replace(',', '.'));
            if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
                errors.add(Messages.get("uiagg.validate.number", field, t));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(Messages.get("uiagg.validate.number", field, t));
            return null;
        }
    }

    static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[|,]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The time dimensions of the heatmap, as a list. */
    public List<String> timeDimensionList() {
        return split(timeDimensions.get());
    }

    public ObservableList<TableEntry> tables() {
        return tables;
    }

    public StringProperty thresholdProperty() {
        return threshold;
    }

    public ObjectProperty<ThresholdRule.Operator> operatorProperty() {
        return operator;
    }

    public BooleanProperty zeroUnsafeProperty() {
        return zeroUnsafe;
    }

    public BooleanProperty dominanceProperty() {
        return dominance;
    }

    public StringProperty dominanceNProperty() {
        return dominanceN;
    }

    public StringProperty dominanceKProperty() {
        return dominanceK;
    }

    public BooleanProperty pRuleProperty() {
        return pRule;
    }

    public StringProperty pPercentProperty() {
        return pPercent;
    }

    public BooleanProperty groupProperty() {
        return group;
    }

    public StringProperty groupDimsProperty() {
        return groupDims;
    }

    public StringProperty groupByProperty() {
        return groupBy;
    }

    public StringProperty groupAllowedProperty() {
        return groupAllowed;
    }

    public BooleanProperty auditProperty() {
        return audit;
    }

    public StringProperty protectionProperty() {
        return protection;
    }

    public StringProperty marginTokensProperty() {
        return marginTokens;
    }

    public ObservableList<Path> series() {
        return series;
    }

    public StringProperty areaDimensionProperty() {
        return areaDimension;
    }

    public StringProperty timeDimensionsProperty() {
        return timeDimensions;
    }

    public ObjectProperty<Path> areasFileProperty() {
        return areasFile;
    }
}
