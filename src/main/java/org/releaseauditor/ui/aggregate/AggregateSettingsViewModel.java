package org.releaseauditor.ui.aggregate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.releaseauditor.core.aggregate.ThresholdRule;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.aggregates.AggregatesRequest;

/**
 * The aggregates settings: the release set's tables, the primary rules, the group check, the audit
 * and the series; turns them into the lane's {@link AggregatesRequest} (with the tables' files as
 * inputs) or a list of localised validation messages. The panel opens with the common
 * minimum-cell rule (count &lt; 10) and the LP audit switched on; the lane itself has neither by
 * default. No JavaFX nodes: tested without the toolkit.
 */
public final class AggregateSettingsViewModel {
    /** The lane's defaults (the margin tokens the panel starts from). */
    private static final AggregatesRequest LANE_DEFAULTS = AggregatesRequest.defaults();
    static final Set<String> TIME_NAMES = Set.of("date", "day", "hour", "time", "slot", "week", "month", "period");

    /** Where a rule starts when it is switched on (the request builder's values). */
    private static final AggregatesRequest.RuleStart START = AggregatesRequest.ruleStart();
    /** The recovery settings when only the ground-truth file is given. */
    private static final AggregatesRequest.Recovery RECOVERY_START = AggregatesRequest.recoveryDefaults();
    /** The dominance boundaries the panel offers: more than k % (τ-ARGUS, sdcTable) or at least k % (ACRO 1.x). */
    public static final List<String> DOMINANCE_OPERATORS = List.of("gt", "ge");
    private final ObservableList<TableEntry> tables = FXCollections.observableArrayList(t -> new javafx.beans.Observable[] {
        t.nameProperty(), t.fileProperty(), t.countColumnProperty(), t.dimensions(), t.magnitudeColumnProperty(),
        t.scaleProperty()});
    private final StringProperty threshold = new SimpleStringProperty(plain(START.threshold()));
    private final ObjectProperty<ThresholdRule.Operator> operator = new SimpleObjectProperty<>(ThresholdRule.Operator.LT);
    private final BooleanProperty zeroUnsafe = new SimpleBooleanProperty(false);
    private final BooleanProperty dominance = new SimpleBooleanProperty(false);
    private final StringProperty dominanceN = new SimpleStringProperty(Integer.toString(START.dominanceN()));
    private final StringProperty dominanceK = new SimpleStringProperty(plain(START.dominanceK()));
    private final StringProperty dominanceOperator = new SimpleStringProperty(START.dominanceOperator());
    private final BooleanProperty pRule = new SimpleBooleanProperty(false);
    private final StringProperty pPercent = new SimpleStringProperty(plain(START.pPercent()));
    private final BooleanProperty pqRule = new SimpleBooleanProperty(false);
    private final StringProperty pqP = new SimpleStringProperty(plain(START.pqP()));
    private final StringProperty pqQ = new SimpleStringProperty(plain(START.pqQ()));
    private final BooleanProperty zeroMagnitudeUnsafe = new SimpleBooleanProperty(false);
    private final StringProperty rulesPreset = new SimpleStringProperty();
    private final ObjectProperty<Path> recoveryFile = new SimpleObjectProperty<>();
    private final StringProperty recoveryColumns = new SimpleStringProperty(String.join(",",
            RECOVERY_START.userColumn(), RECOVERY_START.slotColumn(), RECOVERY_START.areaColumn()));
    private final StringProperty recoverySlot = new SimpleStringProperty(RECOVERY_START.slotMinutes() + "m");
    private final StringProperty recoveryTopK = new SimpleStringProperty(Integer.toString(RECOVERY_START.topK()));
    private final ObjectProperty<Integer> tieSamples = new SimpleObjectProperty<>(RECOVERY_START.tieSamples());
    private final BooleanProperty group = new SimpleBooleanProperty(false);
    private final StringProperty groupDims = new SimpleStringProperty("");
    private final StringProperty groupBy = new SimpleStringProperty("");
    private final StringProperty groupAllowed = new SimpleStringProperty("0");
    private final BooleanProperty audit = new SimpleBooleanProperty(true);
    private final StringProperty protection = new SimpleStringProperty("0");
    private final StringProperty marginTokens = new SimpleStringProperty(
            String.join("|", LANE_DEFAULTS.marginTokens()));
    private final ObservableList<Path> series = FXCollections.observableArrayList();
    private final StringProperty areaDimension = new SimpleStringProperty("area");
    private final StringProperty timeDimensions = new SimpleStringProperty("");
    private final ObjectProperty<Path> areasFile = new SimpleObjectProperty<>();

    /** The outcome of validation: the lane request with its inputs, or the messages that say what to fix. */
    public record Validated(LaneCall<AggregatesRequest> request, List<String> errors) {
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

    /**
     * Checks that the form is complete and its numbers are numbers, then builds the lane request
     * (whose builder holds the defaults and checks every range) with the tables' files as inputs.
     */
    public Validated validate() {
        List<String> errors = new ArrayList<>();
        if (tables.isEmpty()) {
            errors.add(Messages.get("uiagg.validate.noTables"));
        }
        AggregatesRequest.Builder b = AggregatesRequest.builder().marginTokens(marginTokens.get());
        Set<String> names = new HashSet<>();
        for (TableEntry t : tables) {
            String name = t.nameProperty().get() == null ? "" : t.nameProperty().get().trim();
            if (name.isEmpty() || !names.add(name)) {
                errors.add(Messages.get("uiagg.validate.tableName", name));
                continue;
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
            try {
                b.table(name).count(count).dimensions(List.copyOf(t.dimensions()))
                        .magnitude(blankToNull(t.magnitudeColumnProperty().get())).scale(scale);
                b.tableInput(name, t.fileProperty().get().toString());
            } catch (ConfigurationException e) {
                errors.add(e.getLocalizedMessage());
            }
        }
        // the preset first (it sets every rule), then what the panel shows: a rule switched off
        // here is off even when the preset has it
        String preset = blankToNull(rulesPreset.get());
        try {
            b.rules(preset);
        } catch (ConfigurationException e) {
            errors.add(e.getLocalizedMessage());
        }
        Double th = number(threshold.get(), Messages.get("uiagg.field.threshold"), errors, false);
        if (th == null) {
            b.noThreshold();
        }
        b.threshold(th).operator(operator.get()).zeroUnsafe(zeroUnsafe.get());
        // with a preset the magnitude rules apply to the tables that have magnitudes (as in ACRO)
        boolean magnitudes = preset != null
                || tables.stream().anyMatch(t -> blankToNull(t.magnitudeColumnProperty().get()) != null);
        b.noDominance();
        if (dominance.get()) {
            Double n = number(dominanceN.get(), "n", errors, true);
            Double k = number(dominanceK.get(), "k", errors, true);
            if (n != null && k != null) {
                if (n != Math.rint(n)) {
                    errors.add(Messages.get("uiagg.validate.dominance", dominanceN.get(), dominanceK.get()));
                } else {
                    b.dominance(n.intValue(), k);
                }
            }
            try {
                b.dominanceOperator(dominanceOperator.get());
            } catch (ConfigurationException e) {
                errors.add(e.getLocalizedMessage());
            }
            if (!magnitudes) {
                errors.add(Messages.get("uiagg.validate.needsMagnitude", Messages.get("uiagg.dominance")));
            }
        }
        b.noPPercent();
        if (pRule.get()) {
            b.pPercent(number(pPercent.get(), "p", errors, true));
            if (!magnitudes) {
                errors.add(Messages.get("uiagg.validate.needsMagnitude", Messages.get("uiagg.pPercent")));
            }
        }
        b.noPq();
        if (pqRule.get()) {
            Double p = number(pqP.get(), "pq p", errors, true);
            Double q = number(pqQ.get(), "pq q", errors, true);
            if (p != null && q != null) {
                b.pq(p, q);
            }
            if (!magnitudes) {
                errors.add(Messages.get("uiagg.validate.needsMagnitude", Messages.get("uiagg.pq")));
            }
        }
        b.zeroMagnitudeUnsafe(zeroMagnitudeUnsafe.get());
        if (recoveryFile.get() != null) {
            try {
                b.recoverFrom(recoveryFile.get().toString()).recoveryColumns(blankToNull(recoveryColumns.get()))
                        .slot(blankToNull(recoverySlot.get()));
            } catch (ConfigurationException e) {
                errors.add(e.getLocalizedMessage());
            }
            Double k = number(recoveryTopK.get(), Messages.get("uiagg.field.topK"), errors, true);
            if (k != null && (k != Math.rint(k) || k < 1)) {
                errors.add(Messages.get("uiagg.validate.whole", Messages.get("uiagg.field.topK"), recoveryTopK.get()));
            } else if (k != null) {
                b.topK(k.intValue());
            }
            b.tieSamples(tieSamples.get());
        }
        if (group.get()) {
            List<String> dims = split(groupDims.get());
            String by = blankToNull(groupBy.get());
            Double allowed = number(groupAllowed.get(), Messages.get("uiagg.field.allowed"), errors, true);
            if (dims.isEmpty() || by == null) {
                errors.add(Messages.get("uiagg.validate.group"));
            } else {
                try {
                    b.group(dims, by, allowed == null ? 0 : allowed);
                } catch (ConfigurationException e) {
                    errors.add(e.getLocalizedMessage());
                }
            }
        }
        b.audit(audit.get());
        String pr = protection.get() == null ? "" : protection.get().trim();
        if (!pr.isEmpty()) {
            String digits = pr.endsWith("%") ? pr.substring(0, pr.length() - 1) : pr;
            if (number(digits, Messages.get("uiagg.field.protection"), errors, true) != null) {
                try {
                    b.protection(pr.replace(',', '.'));
                } catch (ConfigurationException e) {
                    errors.add(e.getLocalizedMessage());
                }
            }
        }
        if (!series.isEmpty() && !tables.isEmpty() && errors.isEmpty()) {
            String first = tables.get(0).nameProperty().get().trim();
            try {
                for (Path p : series) {
                    b.series(first + "=" + p);
                }
            } catch (ConfigurationException e) {
                errors.add(e.getLocalizedMessage());
            }
        }
        if (!errors.isEmpty()) {
            return new Validated(null, errors);
        }
        try {
            return new Validated(b.buildCall(), List.of());
        } catch (ConfigurationException e) {
            return new Validated(null, List.of(e.getLocalizedMessage()));
        }
    }

    /**
     * Fills the rule fields with a preset ({@code acro}: ACRO's default rule set) and records the
     * preset in the request; the fields stay editable and override it.
     */
    public void applyPreset(String name) throws ConfigurationException {
        AggregatesRequest p = AggregatesRequest.preset(name);
        rulesPreset.set(p.rulesPreset());
        threshold.set(p.threshold() == null ? "" : plain(p.threshold()));
        operator.set(p.thresholdRule() == null ? ThresholdRule.Operator.LT : p.thresholdRule().operator());
        zeroUnsafe.set(p.zeroUnsafe());
        dominance.set(p.dominance() != null);
        if (p.dominance() != null) {
            dominanceN.set(Integer.toString(p.dominance().n()));
            dominanceK.set(plain(p.dominance().k()));
            dominanceOperator.set(p.dominance().operator());
        }
        pRule.set(p.pPercent() != null);
        if (p.pPercent() != null) {
            pPercent.set(plain(p.pPercent()));
        }
        pqRule.set(p.pq() != null);
        if (p.pq() != null) {
            pqP.set(plain(p.pq().p()));
            pqQ.set(plain(p.pq().q()));
        }
        zeroMagnitudeUnsafe.set(p.zeroMagnitudeUnsafe());
    }

    /** Forgets the preset: the rules are exactly what the panel shows, and each magnitude rule needs magnitudes. */
    public void clearPreset() {
        rulesPreset.set(null);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
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

    /** Every setting whose change makes a shown result one of earlier settings. */
    public List<javafx.beans.Observable> triggers() {
        return List.of(tables, threshold, operator, zeroUnsafe, dominance, dominanceN, dominanceK, pRule, pPercent,
                group, groupDims, groupBy, groupAllowed, audit, protection, marginTokens, series, areaDimension,
                timeDimensions, areasFile);
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

    /** {@code gt} (more than k %) or {@code ge} (at least k %); see {@link #DOMINANCE_OPERATORS}. */
    public StringProperty dominanceOperatorProperty() {
        return dominanceOperator;
    }

    public BooleanProperty pqRuleProperty() {
        return pqRule;
    }

    public StringProperty pqPProperty() {
        return pqP;
    }

    public StringProperty pqQProperty() {
        return pqQ;
    }

    public BooleanProperty zeroMagnitudeUnsafeProperty() {
        return zeroMagnitudeUnsafe;
    }

    /** The preset the rules started from ({@code acro}), or null. */
    public StringProperty rulesPresetProperty() {
        return rulesPreset;
    }

    /** The ground-truth trajectories of the recovery test, or null (test off). */
    public ObjectProperty<Path> recoveryFileProperty() {
        return recoveryFile;
    }

    /** {@code USER,SLOT,AREA} columns of the ground truth. */
    public StringProperty recoveryColumnsProperty() {
        return recoveryColumns;
    }

    /** Slot length: {@code 15m}, {@code 30m}, {@code 1h}, … */
    public StringProperty recoverySlotProperty() {
        return recoverySlot;
    }

    public StringProperty recoveryTopKProperty() {
        return recoveryTopK;
    }

    /** Random tie-breaks of the recovery attack (0 to {@link AggregatesRequest#MAX_TIE_SAMPLES}). */
    public ObjectProperty<Integer> tieSamplesProperty() {
        return tieSamples;
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
