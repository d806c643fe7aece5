package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.releaseauditor.cli.AnalyzeMicrodataCommandTest.Run;

/** The recovery stress test on the generated sample city: date+hour columns make the slots. */
class RecoveryOnSampleCityTest {

    @Test
    void recoversTrajectoriesFromTheSampleFootfall() throws Exception {
        Run r = AnalyzeMicrodataCommandTest.run("analyze", "aggregates", "--table",
                "footfall=sample-datasets/aggregates/footfall_hourly.csv,count=count,dims=date|hour|area|age_band|gender",
                "--recover-from", "sample-datasets/aggregates/trajectories_truth.csv", "--columns", "user,date+hour,area",
                "--slot", "1h", "--format", "json", "-q");
        assertEquals(0, r.code(), r.err());
        JsonNode rec = r.json().get("recovery");
        assertEquals(800, rec.get("users").asInt());
        assertEquals(7, rec.get("days").asInt());
        assertEquals(168, rec.get("slots").asInt());
        double acc = rec.get("accuracy").asDouble();
        assertTrue(acc > 0.3 && acc <= 1.0, "accuracy " + acc);
    }
}
