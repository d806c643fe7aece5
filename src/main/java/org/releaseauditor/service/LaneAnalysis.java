package org.releaseauditor.service;

import java.nio.file.Path;
import java.util.Map;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * One analysis lane that can run inside a case ({@code case run --lane X}). Lanes register in
 * {@link LaneRegistry}; the microdata, trajectory and aggregate lanes are wired in by the
 * application.
 */
public interface LaneAnalysis {

    /** The lane name used on the command line, e.g. {@code microdata}. */
    String lane();

    /**
     * Analyses one data file. The returned JSON is stored verbatim in the case; it must hold
     * counts and measures only, or record values only under the keys listed in
     * {@code report.ResultJsonRenderer#RECORD_VALUE_KEYS} (hidden from reports unless asked).
     *
     * @param data    the data file
     * @param params  lane parameters ({@code --param k=v})
     * @param monitor progress and cancellation
     */
    AnalysisOutput run(Path data, Map<String, String> params, ProgressMonitor monitor) throws AuditException;
}
