package org.releaseauditor.core.remediation.trajectory;

import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.trajectory.SpatialResolution;
import org.releaseauditor.core.trajectory.TemporalResolution;

/**
 * What the trajectory remediation may change.
 *
 * @param spatial      spatial resolutions from the released one (first) to the coarsest allowed
 * @param temporal     temporal resolutions from the released one (first) to the coarsest allowed
 * @param sampleUsers  users sampled for unicity (0: all), as in the audit
 * @param seed         seed of the user sample, the point draws and the per-user subsampling
 * @param useAttributes whether the attacker also knows the per-person attributes
 * @param searchCap    whether to search the number of events kept per user as well
 */
public record TrajectoryRemediationOptions(List<SpatialResolution> spatial, List<TemporalResolution> temporal,
                                           int sampleUsers, long seed, boolean useAttributes, boolean searchCap) {

    public TrajectoryRemediationOptions {
        spatial = List.copyOf(spatial);
        temporal = List.copyOf(temporal);
    }

    public void validate() throws ConfigurationException {
        if (spatial.isEmpty() || temporal.isEmpty()) {
            throw new ConfigurationException("remediation.trajectory.noResolutions");
        }
        if (sampleUsers < 0) {
            throw new ConfigurationException("risk.config.invalidParameter", "sample users", sampleUsers,
                    "0 (all users) or more");
        }
    }
}
