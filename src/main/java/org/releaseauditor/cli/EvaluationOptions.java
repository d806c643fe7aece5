package org.releaseauditor.cli;

import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.service.evaluation.EvaluationRequest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The evaluation lane's options ({@code analyze evaluation}, {@code case run --lane evaluation}). */
public final class EvaluationOptions implements LaneOptionSet {

    @Option(names = "--original", paramLabel = "FILE",
            description = "The source the release was made from (CSV/TSV or SQLite); in a case also a dataset id.")
    String original;

    @Option(names = "--release", paramLabel = "FILE",
            description = "The candidate release derived from the original (synthetic or perturbed data).")
    String release;

    @Option(names = "--control", paramLabel = "FILE",
            description = "Optional control set: original records held out of the release (needed for the residual risk).")
    String control;

    @Option(names = "--columns", paramLabel = "COLS", split = ",",
            description = "Columns the attacks may use (default: every column of the original; then all files must "
                    + "have exactly these columns).")
    List<String> columns;

    @Option(names = "--attacks", paramLabel = "N",
            description = "Attacks per attack type (default: ${bundle:default.evaluation.attacks}).")
    Integer attacks;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random draw (default: "
            + "${bundle:default.evaluation.seed}).")
    Long seed;

    @Option(names = "--confidence", paramLabel = "LEVEL",
            description = "Level of the Wilson intervals (default: ${bundle:default.evaluation.confidenceLevel}).")
    Double confidence;

    @Option(names = "--singling-out", paramLabel = "KINDS",
            description = "univariate, multivariate, univariate,multivariate or none (default: both).")
    String singlingOut;

    @Option(names = "--columns-per-predicate", paramLabel = "N",
            description = "Conditions per multivariate singling-out predicate (default: "
                    + "${bundle:default.evaluation.singlingOut.columnsPerPredicate}).")
    Integer columnsPerPredicate;

    @Option(names = "--max-attempts", paramLabel = "N",
            description = "Most multivariate predicates tried (default: "
                    + "${bundle:default.evaluation.singlingOut.maxAttempts}).")
    Long maxAttempts;

    @Option(names = "--aux-a", paramLabel = "COLS", split = ",",
            description = "Linkability: the columns of the attacker's first source (with --aux-b; may overlap).")
    List<String> auxA;

    @Option(names = "--aux-b", paramLabel = "COLS", split = ",",
            description = "Linkability: the columns of the attacker's second source.")
    List<String> auxB;

    @Option(names = "--neighbours", paramLabel = "K",
            description = "Linkability: a link counts when the two halves share one of their K nearest release "
                    + "records (default: ${bundle:default.evaluation.linkability.neighbours}).")
    Integer neighbours;

    @Option(names = "--secret", paramLabel = "COL", description = "Inference: the column the attacker guesses.")
    String secret;

    @Option(names = "--aux", paramLabel = "COLS", split = ",",
            description = "Inference: the columns the attacker knows (default: every column but the secret).")
    List<String> aux;

    @Option(names = "--tolerance", paramLabel = "T",
            description = "Inference of a numeric secret: largest relative error of a correct guess, 0..1 (default: "
                    + "${bundle:default.evaluation.inference.tolerance}).")
    Double tolerance;

    @Mixin
    ImportOptionsMixin importOptions = new ImportOptionsMixin();

    @Override
    public String lane() {
        return EvaluationRequest.LANE;
    }

    @Override
    public LaneCall<EvaluationRequest> build(LaneRequest base) throws ConfigurationException {
        EvaluationRequest.Builder b = base == null ? EvaluationRequest.builder() : ((EvaluationRequest) base).toBuilder();
        b.original(original).release(release).control(control).columns(columns).attacks(attacks).seed(seed)
                .confidenceLevel(confidence).singlingOut(singlingOut).columnsPerPredicate(columnsPerPredicate)
                .maxAttempts(maxAttempts).auxA(auxA).auxB(auxB).neighbours(neighbours).secret(secret)
                .inferenceAux(aux).tolerance(tolerance);
        importOptions.applyTo(b.importing());
        return b.buildCall();
    }
}
