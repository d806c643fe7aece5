package org.releaseauditor.audit.sqlite;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.releaseauditor.audit.NewDataset;
import org.releaseauditor.audit.NewDecision;
import org.releaseauditor.audit.NewFindings;
import org.releaseauditor.audit.NewRun;
import org.releaseauditor.core.casefile.DecisionOutcome;

/**
 * Child process of {@link CrashSafetyTest}: records into a case in a loop - notes, datasets,
 * runs, findings and decisions with their records - and prints the id of each event after its
 * transaction committed (the receipt). The parent kills it with SIGKILL.
 */
public final class CrashWriterMain {

    private CrashWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        try (JdbcAuditStore s = JdbcAuditStore.open(Path.of(args[0]), false, "crash-test")) {
            if (s.readOnly()) {
                out.println("READ_ONLY " + s.access());
                out.flush();
                return;
            }
            String sha = "c".repeat(64);
            for (int i = 0; i < 1_000_000; i++) {
                switch (i % 5) {
                    case 0 -> s.appendEvent("writer", "NOTE", null, null,
                            "{\"i\":" + i + ",\"pad\":\"" + "x".repeat(i % 500) + "\"}", null);
                    case 1 -> s.addDataset(new NewDataset("/data/" + i + ".csv", sha, i, Instant.EPOCH,
                            "{\"columns\":[\"a\"]}"), "writer");
                    case 2 -> {
                        long ds = s.datasets().get(s.datasets().size() - 1).id();
                        s.addRun(new NewRun("microdata", "t", "{\"qis\":[\"a\"]}", "{\"k\":" + i + "}", List.of(ds)),
                                "writer");
                    }
                    case 3 -> {
                        long run = s.runs().get(s.runs().size() - 1).id();
                        s.addFindings(run, new NewFindings("p", "1", "{}", List.of(new NewFindings.Item("k", ">=", 5,
                                (double) i, "PASS", "ok"))), "writer");
                    }
                    default -> {
                        long run = s.runs().get(s.runs().size() - 1).id();
                        long ds = s.runs().get(s.runs().size() - 1).datasetIds().get(0);
                        s.addDecision(new NewDecision(DecisionOutcome.APPROVE, "", "fine " + i, "Dana",
                                "{\"" + ds + "\":\"" + sha + "\"}", null, List.of(run),
                                new NewDecision.NewDecisionRecord("research", List.of("ART89"), "", "partner", "1 year",
                                        "Telco", null, "[]", "[]", false,
                                        List.of(new NewDecision.NewOutput(ds, true, "ok"))), null));
                    }
                }
                out.println(s.lastReceipt().orElseThrow().eventId());
                out.flush();
            }
        }
    }
}
