package org.releaseauditor.ui.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.risk.MicrodataConfig;
import org.releaseauditor.core.risk.PopulationRegion;
import org.releaseauditor.core.risk.SensitiveAttribute;

/**
 * The attacker model panel's state: attacker type, known attributes (QIs), sensitive attributes,
 * population, threshold, QI-subset limit and the wildcard option. Validates the text fields and
 * turns the state into a {@link MicrodataConfig}. Knows no nodes; tested without the toolkit.
 */
public final class AttackerModelViewModel {
    private final ObjectProperty<AttackerPreset> preset = new SimpleObjectProperty<>();
    private final ObjectProperty<AttackerType> attacker = new SimpleObjectProperty<>(AttackerType.PROSECUTOR);
    private final ObservableList<ColumnChoice> qis = FXCollections.observableArrayList(
            c -> new Observable[] {c.selectedProperty()});
    private final ObservableList<ColumnChoice> sensitive = FXCollections.observableArrayList(
            c -> new Observable[] {c.selectedProperty(), c.orderedProperty()});
    private final ObjectProperty<PopulationRegion> region = new SimpleObjectProperty<>();
    private final StringProperty populationText = new SimpleStringProperty("");
    private final StringProperty fractionText = new SimpleStringProperty("");
    private final StringProperty thresholdText = new SimpleStringProperty("0.2");
    private final IntegerProperty maxSubset = new SimpleIntegerProperty(MicrodataConfig.DEFAULT_MAX_QI_SUBSET);
    private final BooleanProperty wildcards = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper applied = new ReadOnlyStringWrapper("");
    private String weightColumn;
    private String householdColumn;
    private boolean applyingPreset;

    public AttackerModelViewModel() {
        thresholdText.addListener((o, a, b) -> updateApplied());
        List.<Observable>of(thresholdText, populationText, fractionText).forEach(p -> p.addListener(o -> validate()));
        updateApplied();
        preset.addListener((o, a, b) -> applyPreset(b));
        // any manual change turns the preset into "custom"
        for (Observable obs : List.<Observable>of(attacker, thresholdText)) {
            obs.addListener(o -> {
                if (!applyingPreset && preset.get() != null && !"custom".equals(preset.get().id())) {
                    preset.set(AttackerPreset.builtIn().get(AttackerPreset.builtIn().size() - 1));
                }
            });
        }
    }

    /** Every property whose change should re-run the analysis. */
    public List<Observable> triggers() {
        return List.of(attacker, qis, sensitive, region, populationText, fractionText, thresholdText, maxSubset,
                wildcards);
    }

    /** Sets the columns from the roles the auditor confirmed in the import wizard. */
    public void setColumns(List<String> columns, Map<String, AttributeRole> roles) {
        List<ColumnChoice> q = new ArrayList<>();
        List<ColumnChoice> s = new ArrayList<>();
        weightColumn = null;
        householdColumn = null;
        for (String c : columns) {
            AttributeRole r = roles.getOrDefault(c, AttributeRole.INSENSITIVE);
            if (r == AttributeRole.WEIGHT) {
                weightColumn = c;
            } else if (r == AttributeRole.HOUSEHOLD) {
                householdColumn = c;
            } else if (r != AttributeRole.IDENTIFIER) {
                q.add(new ColumnChoice(c, r == AttributeRole.QUASI_IDENTIFIER));
                s.add(new ColumnChoice(c, r == AttributeRole.SENSITIVE));
            }
        }
        qis.setAll(q);
        sensitive.setAll(s);
        validate();
    }

    private void applyPreset(AttackerPreset p) {
        if (p == null || p.attacker() == null) {
            return;
        }
        applyingPreset = true;
        try {
            attacker.set(p.attacker());
            thresholdText.set(String.format(Locale.ROOT, "%s", trim(p.threshold())));
            if (p.knownColumns() != null) {
                for (ColumnChoice c : qis) {
                    c.selectedProperty().set(p.knownColumns().matcher(c.name()).matches());
                }
            }
        } finally {
            applyingPreset = false;
        }
    }

    private static String trim(double d) {
        String s = Double.toString(d);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private void validate() {
        validation.set(check().orElse(""));
    }

    /** The first validation problem, if any (localised). */
    public Optional<String> check() {
        if (qis.stream().noneMatch(ColumnChoice::isSelected)) {
            return Optional.of(Messages.get("attacker.error.noQi"));
        }
        Double t = parse(thresholdText.get());
        if (t == null || !(t > 0 && t <= 1)) {
            return Optional.of(Messages.get("attacker.error.threshold"));
        }
        if (!populationText.get().isBlank()) {
            Double n = parse(populationText.get().replace("_", "").replace(" ", ""));
            if (n == null || n < 1 || n != Math.rint(n)) {
                return Optional.of(Messages.get("attacker.error.population"));
            }
        }
        if (!fractionText.get().isBlank()) {
            Double f = parse(fractionText.get());
            if (f == null || !(f > 0 && f <= 1)) {
                return Optional.of(Messages.get("attacker.error.fraction"));
            }
        }
        return Optional.empty();
    }

    private static Double parse(String s) {
        try {
            return Double.valueOf(s.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void updateApplied() {
        Double t = parse(thresholdText.get());
        if (t == null || !(t > 0 && t <= 1)) {
            applied.set("");
            return;
        }
        long s = org.releaseauditor.core.risk.RiskThreshold.minimumClassSize(t);
        applied.set(Messages.get("attacker.applied", String.format(Locale.ROOT, "%.4g", 1.0 / s), s));
    }

    /** The analysis configuration, or empty while a field is invalid. */
    public Optional<MicrodataConfig> toConfig() {
        if (check().isPresent()) {
            return Optional.empty();
        }
        List<String> q = qis.stream().filter(ColumnChoice::isSelected).map(ColumnChoice::name).toList();
        List<SensitiveAttribute> s = sensitive.stream().filter(ColumnChoice::isSelected)
                .filter(c -> !q.contains(c.name()))
                .map(c -> new SensitiveAttribute(c.name(), c.orderedProperty().get())).toList();
        MicrodataConfig cfg = MicrodataConfig.defaults(q)
                .withSensitive(s)
                .withWeights(weightColumn, householdColumn)
                .withThreshold(parse(thresholdText.get()))
                .withRegion(region.get());
        if (!populationText.get().isBlank()) {
            cfg = cfg.withPopulationSize(Math.round(parse(populationText.get().replace("_", "").replace(" ", ""))));
        }
        if (!fractionText.get().isBlank()) {
            cfg = cfg.withSamplingFraction(parse(fractionText.get()));
        }
        return Optional.of(new MicrodataConfig(cfg.quasiIdentifiers(), cfg.sensitive(), cfg.weightColumn(),
                cfg.householdColumn(), cfg.populationSize(), cfg.region(), cfg.samplingFraction(), cfg.threshold(),
                maxSubset.get(), wildcards.get(), cfg.recursiveC()));
    }

    public ObjectProperty<AttackerPreset> presetProperty() {
        return preset;
    }

    public ObjectProperty<AttackerType> attackerProperty() {
        return attacker;
    }

    public ObservableList<ColumnChoice> qis() {
        return qis;
    }

    public ObservableList<ColumnChoice> sensitive() {
        return sensitive;
    }

    public ObjectProperty<PopulationRegion> regionProperty() {
        return region;
    }

    public StringProperty populationTextProperty() {
        return populationText;
    }

    public StringProperty fractionTextProperty() {
        return fractionText;
    }

    public StringProperty thresholdTextProperty() {
        return thresholdText;
    }

    public IntegerProperty maxSubsetProperty() {
        return maxSubset;
    }

    public BooleanProperty wildcardsProperty() {
        return wildcards;
    }

    public ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty appliedThresholdProperty() {
        return applied.getReadOnlyProperty();
    }
}
