package org.releaseauditor.audit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.VerificationItem;

/**
 * Two processes write the same case at the same time: through the same path, through a
 * symbolic link, and through a hard link. Every event a writer was told is recorded ("ACK") is
 * in the file afterwards, no position is given twice, and the chain verifies. A hard-linked case
 * is refused for writing by both, with the hard-link message, so nothing can be acknowledged and
 * then lost (the defect of issue 14: 40 acknowledged, 32 stored).
 */
class TwoProcessWriterTest {

    static final int PER_WRITER = 150;

    @TempDir
    Path dir;

    record Outcome(List<String> lines, int acknowledged, Set<Long> ids) {
    }

    private static Process start(Path path, int count, String tag) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), ConcurrentWriterMain.class.getName(), path.toString(),
                Integer.toString(count), tag);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    private static Outcome collect(Process p) throws Exception {
        List<String> lines = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        int acked = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("ACK ")) {
                    acked++;
                    ids.add(Long.parseLong(line.split(" ")[1]));
                }
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Outcome(lines, acked, ids);
    }

    private Path newCase() throws Exception {
        Path file = dir.resolve("shared.rcase");
        JdbcAuditStore.create(file, new CaseInfo("two writers", "", "", "", null), "t", "t").close();
        return file;
    }

    /** Runs two writers, returns {acknowledged, stored new events} and checks nothing was lost. */
    private int[] race(Path first, Path second, Path real) throws Exception {
        Process a = start(first, PER_WRITER, "A");
        Process b = start(second, PER_WRITER, "B");
        Outcome oa = collect(a);
        Outcome ob = collect(b);
        Set<Long> both = new HashSet<>(oa.ids());
        both.retainAll(ob.ids());
        assertTrue(both.isEmpty(), "a chain position was acknowledged to both writers: " + both);
        try (JdbcAuditStore s = JdbcAuditStore.open(real, true, "t")) {
            List<AuditEvent> events = s.events();
            Set<Long> present = new HashSet<>();
            events.forEach(e -> present.add(e.id()));
            Set<Long> lost = new HashSet<>(oa.ids());
            lost.addAll(ob.ids());
            lost.removeAll(present);
            assertTrue(lost.isEmpty(), "acknowledged but lost: " + lost);
            for (AuditEvent e : events) {
                if (oa.ids().contains(e.id())) {
                    assertEquals("A", e.actor(), "event " + e.id());
                }
                if (ob.ids().contains(e.id())) {
                    assertEquals("B", e.actor(), "event " + e.id());
                }
            }
            List<VerificationItem> items = s.verifyChain();
            assertTrue(items.stream().allMatch(VerificationItem::ok), items.toString());
            int acked = oa.acknowledged() + ob.acknowledged();
            System.out.printf("two writers via %s / %s: %d acknowledged, %d stored%n", first.getFileName(),
                    second.getFileName(), acked, events.size() - 1);
            return new int[] {acked, events.size() - 1};
        } finally {
            assertFalse(Files.exists(dir.resolve("shared.rcase.lock")), "lock file removed on exit");
        }
    }

    @Test
    void twoWritersOnTheSamePathBothSucceedAndLoseNothing() throws Exception {
        Path file = newCase();
        int[] r = race(file, file, file);
        assertEquals(2 * PER_WRITER, r[0], "both writers succeed: they wait for each other, none is made read-only");
        assertEquals(r[0], r[1]);
    }

    @Test
    void writerThroughASymlinkSharesTheLockAndLosesNothing() throws Exception {
        Path file = newCase();
        Path link = dir.resolve("other-name.rcase");
        Files.createSymbolicLink(link, file);
        int[] r = race(file, link, file);
        assertEquals(2 * PER_WRITER, r[0]);
        assertEquals(r[0], r[1]);
        assertFalse(Files.exists(dir.resolve("other-name.rcase.lock")));
    }

    @Test
    void writersThroughAHardLinkAreRefusedSoNothingAcknowledgedIsLost() throws Exception {
        Path file = newCase();
        Path link = dir.resolve("hard.rcase");
        Files.createLink(link, file);
        Process a = start(file, PER_WRITER, "A");
        Process b = start(link, PER_WRITER, "B");
        Outcome oa = collect(a);
        Outcome ob = collect(b);
        assertEquals(List.of("REFUSED audit.error.hardLinks"), oa.lines());
        assertEquals(List.of("REFUSED audit.error.hardLinks"), ob.lines());
        try (JdbcAuditStore s = JdbcAuditStore.open(link, true, "t")) {
            assertEquals(1, s.events().size(), "nothing written, nothing acknowledged");
        }
        // removing the extra name makes the case writable again, and a race then loses nothing
        Files.delete(link);
        int[] r = race(file, file, file);
        assertEquals(r[0], r[1]);
        System.out.printf("hard link: %d + %d acknowledged while linked, 0 stored%n", oa.acknowledged(),
                ob.acknowledged());
    }
}
