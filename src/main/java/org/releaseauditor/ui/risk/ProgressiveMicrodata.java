package org.releaseauditor.ui.risk;

import java.util.function.Consumer;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
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
     * The lane without partial results: the dashboard shows the whole analysis when it is done.
     * Used until the lane offers a listener for partial results.
     */
    static ProgressiveMicrodata whole(Lane<MicrodataRequest, MicrodataAnalysis> lane) {
        return (request, inputs, publish, monitor) -> lane.analyze(request, inputs, monitor);
    }
}
