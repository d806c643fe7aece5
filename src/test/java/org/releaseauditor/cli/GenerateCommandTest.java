package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.i18n.Messages;

class GenerateCommandTest {

    @Test
    void generateCityWritesAllFilesAndTheManifest(@TempDir Path tmp) throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path dir = tmp.resolve("city");
        int code = ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(err), "generate", "city",
                "--people", "300", "--days", "2", "--areas", "9", "--seed", "5", "--out", dir.toString());
        assertEquals(ExitCodes.OK, code, err.toString());
        for (String f : new String[] {"areas.csv", "cells.csv", "cell_to_district.csv", "customers.csv",
            "events_pseudonymised.csv", "trajectories_truth.csv", "footfall_hourly.csv",
            "footfall_hourly_withheld.csv", "footfall_hourly_extrapolated.csv", "od_daily.csv",
            "od_daily_withheld.csv", "manifest.json"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
            assertTrue(out.toString().contains(f), "summary lists " + f);
        }
        assertTrue(out.toString().startsWith("Generated 300 people"), out.toString());
        assertTrue(Files.readString(dir.resolve("manifest.json")).contains("\"seed\" : 5"));
    }

    @Test
    void outOfRangeParameterIsAUsageError(@TempDir Path tmp) {
        Messages.setLocale(Locale.ENGLISH);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(err), "generate", "city",
                "--people", "0", "--out", tmp.toString());
        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.toString().contains("--people"), err.toString());
    }

    @Test
    void outputPathThatIsAFileIsAUsageError(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("x.txt"), "x");
        StringWriter err = new StringWriter();
        int code = ReleaseAuditorCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "generate",
                "city", "--people", "10", "--days", "1", "--areas", "4", "--out", file.toString());
        assertEquals(ExitCodes.USAGE, code, err.toString());
    }
}
