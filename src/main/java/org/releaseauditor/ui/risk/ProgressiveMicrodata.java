package org.releaseauditor.ui.risk;

import java.util.List;
import java.util.function.Consumer;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.IndividualRiskResult;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.core.risk.MicrodataResult;
import org.releaseauditor.core.risk.QiContribution;
import org.releaseauditor.core.risk.SudaResult;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.microdata.MicrodataLane;
import org.releaseauditor.service.microdata.MicrodataProgress;
import org.releaseauditor.service.microdata.MicrodataRequest;

/**
 * Runs the microdata lane for the dashboard and publishes the parts of the analysis as soon as
 * each is known (the summary first, SUDA2 and the QI power set after it). {@code publish} may be
 * called from the computing thread; the dashboard hands each value to the FX thread and drops it
 * when the run was superseded. The complete result is returned as the lane returns it.
 */
@FunctionalInterface
public interface ProgressiveMicrodata {

    LaneResult<MicrodataRequest, MicrodataAnalysis> analyze(MicrodataRequest request, LaneInputs inputs,
            Consumer<MicrodataParts> publish, ProgressMonitor monitor) throws AuditException;

    /**
     * The microdata lane with its parts published as they come: the summary first (cards and the
     * class-size histogram), then the population curve, the QI power set, the individual risk and
     * SUDA2. Each publication holds every part known until then.
     */
    static ProgressiveMicrodata of(MicrodataLane lane) {
        return (request, inputs, publish, monitor) -> {
            MicrodataParts[] known = {MicrodataParts.none()};
            MicrodataProgress parts = new MicrodataProgress() {
                @Override
                public void summary(MicrodataResult summary) {
                    publish.accept(known[0] = known[0].withSummary(summary));
                }

                @Override
                public void populationCurve(List<MicrodataResult.PopulationUniqueness> curve) {
                    publish.accept(known[0] = known[0].withPopulationCurve(curve));
                }

                @Override
                public void qiContribution(List<QiContribution> contribution) {
                    publish.accept(known[0] = known[0].withQiContribution(contribution));
                }

                @Override
                public void individualRisk(IndividualRiskResult risk) {
                    publish.accept(known[0] = known[0].withIndividualRisk(risk));
                }

                @Override
                public void suda(SudaResult suda) {
                    publish.accept(known[0] = known[0].withSuda(suda));
                }
            };
            return lane.analyze(request, inputs, parts, monitor);
        };
    }

    /** Any microdata lane without partial results: the dashboard shows the whole analysis when it is done. */
    static ProgressiveMicrodata whole(Lane<MicrodataRequest, MicrodataAnalysis> lane) {
        return (request, inputs, publish, monitor) -> lane.analyze(request, inputs, monitor);
    }
}
