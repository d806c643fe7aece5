package org.releaseauditor.ui.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.evaluation.EvaluationRequest;

/**
 * The evaluation settings panel's state (no nodes): the original, the release and the optional
 * control set, the columns the attacks may use, auxiliary column sets A and B of linkability, the
 * known columns and the secret of inference, and the number of attacks, seed and the other
 * options. Every option starts from the lane's request defaults ({@link EvaluationRequest#defaults()});
 * {@link #toRequest()} builds the request through its builder, which checks every value as for the
 * command line, or {@link #validate()} explains in {@link #validationProperty()} what is wrong.
 */
public final class EvaluationSettingsViewModel {
    /** The lane's defaults: the panel starts from them. */
    private static final EvaluationRequest LANE_DEFAULTS = EvaluationRequest.defaults();

    /** One column with a check box (used columns, source A, source B, known columns of inference). */
    public static final class ColumnChoice {
        private final String column;
        private final BooleanProperty selected;

        ColumnChoice(String column, boolean selected) {
            this.column = column;
            this.selected = new SimpleBooleanProperty(selected);
        }

        public String column() {
            return column;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        @Override
        public String toString() {
            return column;
        }
    }

    private final ObjectProperty<Path> original = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> release = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> control = new SimpleObjectProperty<>();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<ColumnChoice> used = FXCollections.observableArrayList();
    private final ObservableList<ColumnChoice> auxA = FXCollections.observableArrayList();
    private final ObservableList<ColumnChoice> auxB = FXCollections.observableArrayList();
    private final ObservableList<ColumnChoice> known = FXCollections.observableArrayList();
    private final IntegerProperty attacks = new SimpleIntegerProperty(LANE_DEFAULTS.attacks());
    private final IntegerProperty seed = new SimpleIntegerProperty((int) LANE_DEFAULTS.seed());
    private final DoubleProperty confidence = new SimpleDoubleProperty(LANE_DEFAULTS.confidenceLevel());
    private final BooleanProperty univariate = new SimpleBooleanProperty(LANE_DEFAULTS.univariate());
    private final BooleanProperty multivariate = new SimpleBooleanProperty(LANE_DEFAULTS.multivariate());
    private final IntegerProperty columnsPerPredicate = new SimpleIntegerProperty(LANE_DEFAULTS.columnsPerPredicate());
    private final IntegerProperty maxAttempts = new SimpleIntegerProperty((int) Math.min(Integer.MAX_VALUE,
            LANE_DEFAULTS.maxAttempts()));
    private final BooleanProperty linkability = new SimpleBooleanProperty(LANE_DEFAULTS.linkability());
    private final IntegerProperty neighbours = new SimpleIntegerProperty(LANE_DEFAULTS.neighbours());
    private final BooleanProperty inference = new SimpleBooleanProperty(LANE_DEFAULTS.inference());
    private final StringProperty secret = new SimpleStringProperty(LANE_DEFAULTS.secret());
    private final DoubleProperty tolerance = new SimpleDoubleProperty(LANE_DEFAULTS.tolerance());
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper("");

    /**
     * Offers the original's header as column choices: every column used, none in A, B or the known
     * columns (empty known columns mean every column but the secret, as in the request).
     */
    public void setColumns(List<String> names) {
        columns.setAll(names);
        used.setAll(names.stream().map(n -> new ColumnChoice(n, true)).toList());
        auxA.setAll(names.stream().map(n -> new ColumnChoice(n, false)).toList());
        auxB.setAll(names.stream().map(n -> new ColumnChoice(n, false)).toList());
        known.setAll(names.stream().map(n -> new ColumnChoice(n, false)).toList());
        if (secret.get() != null && !names.contains(secret.get())) {
            secret.set(null);
        }
    }

    /** Ticks exactly the named columns of a choice list. */
    public static void select(List<ColumnChoice> choices, List<String> names) {
        for (ColumnChoice c : choices) {
            c.selected.set(names.contains(c.column));
        }
    }

    /** The ticked columns of a choice list, in the file's order. */
    public static List<String> selected(List<ColumnChoice> choices) {
        return choices.stream().filter(c -> c.selected.get()).map(ColumnChoice::column).toList();
    }

    /** The request, with the validation message cleared; or empty with the message set. */
    public Optional<LaneCall<EvaluationRequest>> validate() {
        try {
            LaneCall<EvaluationRequest> r = toRequest();
            validation.set("");
            return Optional.of(r);
        } catch (ConfigurationException e) {
            validation.set(e.getLocalizedMessage());
            return Optional.empty();
        }
    }

    /**
     * The lane request of the settings and where its inputs are ({@code original}, {@code release},
     * {@code control}). The panel checks only that the files are chosen; every value and range is
     * checked by the request's builder, and the columns against the files by the lane.
     */
    public LaneCall<EvaluationRequest> toRequest() throws ConfigurationException {
        if (original.get() == null) {
            throw new ConfigurationException("uieval.error.noOriginal");
        }
        if (release.get() == null) {
            throw new ConfigurationException("uieval.error.noRelease");
        }
        List<String> usedColumns = selected(used);
        if (usedColumns.isEmpty()) {
            throw new ConfigurationException("uieval.error.noColumns");
        }
        EvaluationRequest.Builder b = EvaluationRequest.builder().original(original.get().toString())
                .release(release.get().toString())
                // every column of the original ticked: no explicit choice (the files must then agree)
                .columns(usedColumns.size() == used.size() ? List.of() : usedColumns)
                .attacks(attacks.get()).seed((long) seed.get()).confidenceLevel(confidence.get())
                .univariate(univariate.get()).multivariate(multivariate.get())
                .columnsPerPredicate(columnsPerPredicate.get()).maxAttempts((long) maxAttempts.get());
        if (control.get() != null) {
            b.control(control.get().toString());
        }
        if (linkability.get()) {
            List<String> a = selected(auxA);
            List<String> bb = selected(auxB);
            if (a.isEmpty() || bb.isEmpty()) {
                throw new ConfigurationException("uieval.error.linkabilityColumns");
            }
            b.auxA(a).auxB(bb).neighbours(neighbours.get());
        }
        if (inference.get()) {
            if (secret.get() == null || secret.get().isBlank()) {
                throw new ConfigurationException("uieval.error.noSecret");
            }
            List<String> k = new ArrayList<>(selected(known));
            k.remove(secret.get());
            b.secret(secret.get()).inferenceAux(k).tolerance(tolerance.get());
        }
        return b.buildCall();
    }

    public ObjectProperty<Path> originalProperty() {
        return original;
    }

    public ObjectProperty<Path> releaseProperty() {
        return release;
    }

    public ObjectProperty<Path> controlProperty() {
        return control;
    }

    /** The original's columns. */
    public ObservableList<String> columns() {
        return columns;
    }

    /** The columns the attacks may use (all ticked: every column). */
    public ObservableList<ColumnChoice> usedColumns() {
        return used;
    }

    public ObservableList<ColumnChoice> auxA() {
        return auxA;
    }

    public ObservableList<ColumnChoice> auxB() {
        return auxB;
    }

    /** The columns the inference attacker knows (none ticked: every column but the secret). */
    public ObservableList<ColumnChoice> known() {
        return known;
    }

    public IntegerProperty attacksProperty() {
        return attacks;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public DoubleProperty confidenceProperty() {
        return confidence;
    }

    public BooleanProperty univariateProperty() {
        return univariate;
    }

    public BooleanProperty multivariateProperty() {
        return multivariate;
    }

    public IntegerProperty columnsPerPredicateProperty() {
        return columnsPerPredicate;
    }

    public IntegerProperty maxAttemptsProperty() {
        return maxAttempts;
    }

    public BooleanProperty linkabilityProperty() {
        return linkability;
    }

    public IntegerProperty neighboursProperty() {
        return neighbours;
    }

    public BooleanProperty inferenceProperty() {
        return inference;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    public DoubleProperty toleranceProperty() {
        return tolerance;
    }

    public ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
    }
}
