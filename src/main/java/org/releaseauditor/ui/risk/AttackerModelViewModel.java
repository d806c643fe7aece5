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
import org.releaseauditor.core.risk.PopulationRegion;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.service.microdata.MicrodataRequest;

/**
 * The attacker model panel's state: attacker type, known attributes (QIs), sensitive attributes,
 * population, threshold, QI-subset limit and the wildcard option. Converts the text fields and
 * builds the microdata lane's {@link MicrodataRequest} (whose builder holds every default and
 * checks every range). Knows no nodes; tested without the toolkit.
 */
public final class AttackerModelViewModel {
    /** The lane's defaults: the panel starts from them. */
    private static final MicrodataRequest LANE_DEFAULTS = MicrodataRequest.defaults();
    private final ObjectProperty<AttackerPreset> preset = new SimpleObjectProperty<>();
    private final ObjectProperty<AttackerType> attacker = new SimpleObjectProperty<>(AttackerType.PROSECUTOR);
    private final ObservableList<ColumnChoice> qis = FXCollections.observableArrayList(
            c -> new Observable[] {c.selectedProperty()});
    private final ObservableList<ColumnChoice> sensitive = FXCollections.observableArrayList(
            c -> new Observable[] {c.selectedProperty(), c.orderedProperty()});
    private final ObjectProperty<PopulationRegion> region = new SimpleObjectProperty<>();
    private final StringProperty populationText = new SimpleStringProperty("");
    private final StringProperty fractionText = new SimpleStringProperty("");
    private final StringProperty thresholdText = new SimpleStringProperty(trim(LANE_DEFAULTS.threshold()));
    private final IntegerProperty maxSubset = new SimpleIntegerProperty(LANE_DEFAULTS.maxQiSubset());
    private final BooleanProperty wildcards = new SimpleBooleanProperty(LANE_DEFAULTS.wildcards());
    /** Equations of the SNB population model (ARX's by default, or the corrected ones). */
    private final ObjectProperty<org.releaseauditor.core.risk.SnbVariant> snbVariant =
            new SimpleObjectProperty<>(LANE_DEFAULTS.snbVariant());
    /** Individual-risk formula for f ≥ 3 (sdcMicro's approximation by default, or exact). */
    private final ObjectProperty<org.releaseauditor.core.risk.IndividualRiskMethod> riskMethod =
            new SimpleObjectProperty<>(LANE_DEFAULTS.individualRiskMethod());
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

    /**
     * Every property whose change should re-run the analysis; the preset too, since its name is part
     * of the request (and of what a case records), even when it brings the same settings.
     */
    public List<Observable> triggers() {
        return List.of(preset, attacker, qis, sensitive, region, populationText, fractionText, thresholdText, maxSubset,
                wildcards, snbVariant, riskMethod);
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
            thresholdText.set(trim(p.threshold()));
            if (p.knownColumns() != null) {
                for (ColumnChoice c : qis) {
                    c.selectedProperty().set(p.knownColumns().matcher(c.name()).matches());
                }
            }
        } finally {
            applyingPreset = false;
        }
    }

    /** A decimal as the user edits it, in the UI language ({@code 0,2} in German). */
    private static String trim(double d) {
        return org.releaseauditor.ui.fx.LocalNumberConverter.ofUi(() -> null).toString(d);
    }

    private void validate() {
        validation.set(check().orElse(""));
    }

    /** The first validation problem, if any (localised). */
    public Optional<String> check() {
        Optional<String> text = checkText();
        if (text.isPresent()) {
            return text;
        }
        try {
            builder().build();
            return Optional.empty();
        } catch (ConfigurationException e) {
            return Optional.of(e.getLocalizedMessage());
        }
    }

    /** Problems of the text fields themselves (not numbers, no QI chosen). */
    private Optional<String> checkText() {
        if (qis.stream().noneMatch(ColumnChoice::isSelected)) {
            return Optional.of(Messages.get("attacker.error.noQi"));
        }
        if (parse(thresholdText.get()) == null) {
            return Optional.of(Messages.get("attacker.error.threshold"));
        }
        if (!populationText.get().isBlank()) {
            Double n = parse(populationText.get().replace("_", "").replace(" ", ""));
            if (n == null || n != Math.rint(n)) {
                return Optional.of(Messages.get("attacker.error.population"));
            }
        }
        if (!fractionText.get().isBlank() && parse(fractionText.get()) == null) {
            return Optional.of(Messages.get("attacker.error.fraction"));
        }
        return Optional.empty();
    }

    /** A decimal typed with the comma or the point; null when it is no number. */
    private static Double parse(String s) {
        return org.releaseauditor.ui.fx.LocalNumberConverter.parse(s);
    }

    private void updateApplied() {
        Double t = parse(thresholdText.get());
        if (t == null || !(t > 0 && t <= 1)) {
            applied.set("");
            return;
        }
        long s = org.releaseauditor.core.risk.RiskThreshold.minimumClassSize(t);
        applied.set(Messages.get("attacker.applied", org.releaseauditor.ui.fx.Numbers.sig(1.0 / s, 4), s));
    }

    /**
     * The microdata request for a file read with {@code importOptions}, or empty while a field is
     * invalid (see {@link #check()}).
     */
    public Optional<MicrodataRequest> toRequest(ImportOptions importOptions) {
        if (checkText().isPresent()) {
            return Optional.empty();
        }
        try {
            MicrodataRequest.Builder b = builder();
            b.importing().options(importOptions);
            return Optional.of(b.build());
        } catch (ConfigurationException e) {
            return Optional.empty();
        }
    }

    /** The settings in a request builder (the text fields must parse). */
    private MicrodataRequest.Builder builder() throws ConfigurationException {
        List<String> q = qis.stream().filter(ColumnChoice::isSelected).map(ColumnChoice::name).toList();
        MicrodataRequest.Builder b = MicrodataRequest.builder().quasiIdentifiers(q)
                .weight(weightColumn == null ? "" : weightColumn)
                .household(householdColumn == null ? "" : householdColumn)
                .threshold(parse(thresholdText.get())).region(region.get()).maxQiSubset(maxSubset.get())
                .wildcards(wildcards.get()).attacker(attacker.get().name().toLowerCase(Locale.ROOT))
                .snbVariant(snbVariant.get() == null ? null : snbVariant.get().name().toLowerCase(Locale.ROOT))
                .individualRiskMethod(riskMethod.get() == null ? null
                        : riskMethod.get().name().toLowerCase(Locale.ROOT))
                .attackerPreset(preset.get() == null ? null : preset.get().id());
        sensitive.stream().filter(ColumnChoice::isSelected).filter(c -> !q.contains(c.name()))
                .forEach(c -> b.sensitive(c.name(), c.orderedProperty().get()));
        if (!populationText.get().isBlank()) {
            b.population(Math.round(parse(populationText.get().replace("_", "").replace(" ", ""))));
        }
        if (!fractionText.get().isBlank()) {
            b.samplingFraction(parse(fractionText.get()));
        }
        return b;
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

    public ObjectProperty<org.releaseauditor.core.risk.SnbVariant> snbVariantProperty() {
        return snbVariant;
    }

    public ObjectProperty<org.releaseauditor.core.risk.IndividualRiskMethod> riskMethodProperty() {
        return riskMethod;
    }

    public ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty appliedThresholdProperty() {
        return applied.getReadOnlyProperty();
    }
}
