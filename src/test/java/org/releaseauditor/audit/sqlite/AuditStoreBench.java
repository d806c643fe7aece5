package org.releaseauditor.audit.sqlite;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.releaseauditor.core.casefile.CaseInfo;

/**
 * Manual benchmark (not a test): appends N events with synchronous=FULL, then verifies the chain.
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.releaseauditor.audit.sqlite.AuditStoreBench 2000}
 */
public final class AuditStoreBench {

    private AuditStoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        PrintStream out = System.out;
        Path dir = Files.createTempDirectory("rcase-bench");
        Path file = dir.resolve("bench.rcase");
        try (JdbcAuditStore s = JdbcAuditStore.create(file, new CaseInfo("bench", "", "", "", null), "b", "b")) {
            String payload = "{\"result\":\"" + "x".repeat(2000) + "\"}";
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                s.appendEvent("b", "NOTE", null, null, payload, null);
            }
            long t1 = System.nanoTime();
            out.printf("append: %d events in %.2f s = %.0f events/s (each its own fsync'd transaction)%n", n,
                    (t1 - t0) / 1e9, n / ((t1 - t0) / 1e9));
            long t2 = System.nanoTime();
            boolean ok = s.verifyChain().stream().allMatch(i -> i.ok());
            long t3 = System.nanoTime();
            out.printf("verify: %d events in %.3f s (ok=%s), file %d bytes%n", n + 1, (t3 - t2) / 1e9, ok,
                    Files.size(file) + Files.size(file.resolveSibling("bench.rcase-wal")));
        }
    }
}
