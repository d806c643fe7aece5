package org.releaseauditor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;

/**
 * What the options of the lanes that can audit a summary instead of the records (microdata,
 * trajectories) share: how a location becomes a readable file, and the checks of which options
 * were given. The {@code @Option} fields stay in the lane classes, in the order {@code --help}
 * shows them.
 */
abstract class SummaryLaneOptions implements LaneOptionSet {

    /** How a location becomes a readable file (case run: dataset ids). */
    private Files files = Path::of;

    @Override
    public void locations(Files f) {
        files = f;
    }

    /** The file at a location given on the command line (a path, or in a case a dataset id). */
    Path file(String location) throws AuditException {
        return files.file(location);
    }

    /** The names of the given options among {@code {name, value}} pairs (a value not null), in their order. */
    static List<String> given(Object[][] options) {
        List<String> out = new ArrayList<>();
        for (Object[] o : options) {
            if (o[1] != null) {
                out.add((String) o[0]);
            }
        }
        return out;
    }

    /**
     * With a summary audited instead of the records: a usage error naming the first given record
     * input among {@code {name, value}} pairs.
     */
    static void refuseRecordsWithSummary(Object[][] recordInputs) throws ConfigurationException {
        List<String> given = given(recordInputs);
        if (!given.isEmpty()) {
            throw new ConfigurationException("summary.error.withRecords", given.get(0));
        }
    }
}
