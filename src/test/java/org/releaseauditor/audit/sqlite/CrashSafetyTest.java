package org.releaseauditor.audit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.CaseAccess;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.VerificationItem;

/**
 * SIGKILLs a child JVM that records notes, datasets, runs, findings and decisions in a loop, 20
 * times at random moments: every event the child reported as committed survives, and the chain,
 * the rows and the decision seals verify.
 */
class CrashSafetyTest {

    @TempDir
    Path dir;

    private Process start(Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), CrashWriterMain.class.getName(), file.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    @Test
    void committedEventsSurviveSigkillAndChainVerifies() throws Exception {
        Path file = dir.resolve("crash.rcase");
        JdbcAuditStore.create(file, new CaseInfo("crash", "", "", "", null), "t", "t").close();
        Random rnd = new Random(20_261_128L);
        Set<Long> committed = new HashSet<>();
        for (int round = 0; round < 20; round++) {
            Process p = start(file);
            int killAfter = 1 + rnd.nextInt(40);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                int seen = 0;
                String line;
                while (seen < killAfter && (line = r.readLine()) != null) {
                    assertFalse(line.startsWith("READ_ONLY"), "the killed writer's lock must not outlive it: " + line);
                    committed.add(Long.parseLong(line.trim()));
                    seen++;
                }
                Thread.sleep(rnd.nextInt(15));
                // SIGKILL on Unix; the handle does not close our end of the pipe (Process.destroy would)
                p.toHandle().destroyForcibly();
                assertTrue(p.waitFor(10, TimeUnit.SECONDS));
                // ids printed before the kill but not read yet are committed too
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank()) {
                        committed.add(Long.parseLong(line.trim()));
                    }
                }
            }
        }
        assertTrue(committed.size() >= 20, "the child must have committed events: " + committed.size());
        int lostCount;
        try (JdbcAuditStore s = JdbcAuditStore.open(file, false, "t")) {
            assertEquals(CaseAccess.READ_WRITE, s.access());
            Set<Long> present = new HashSet<>();
            for (AuditEvent e : s.events()) {
                present.add(e.id());
            }
            Set<Long> lost = new HashSet<>(committed);
            lost.removeAll(present);
            lostCount = lost.size();
            assertTrue(lost.isEmpty(), "committed events lost: " + lost);
            List<VerificationItem> items = s.verifyChain();
            assertTrue(items.stream().allMatch(VerificationItem::ok), items.toString());
        }
        System.out.printf("crash test: 20 SIGKILLs, %d acknowledged events, %d lost%n", committed.size(), lostCount);
        assertFalse(new File(file + ".lock").exists(), "the last writer removed the lock file a killed one left");
    }
}
