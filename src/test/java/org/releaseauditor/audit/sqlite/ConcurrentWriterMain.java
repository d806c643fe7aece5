package org.releaseauditor.audit.sqlite;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.releaseauditor.audit.LockWait;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.error.AuditStoreException;

/**
 * Child process of {@link TwoProcessWriterTest}: opens a case by the path it is given (the real
 * name, a symbolic link or a hard link), appends {@code count} events, and prints
 * {@code ACK <id> <tag>} after each committed event, {@code REFUSED <key>} when the case cannot be
 * opened for writing, or {@code BUSY} when a write gave up waiting.
 */
public final class ConcurrentWriterMain {

    private ConcurrentWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String tag = args[2];
        JdbcAuditStore s;
        try {
            s = JdbcAuditStore.open(file, false, "two-process-test", new LockWait(Duration.ofSeconds(60), null));
        } catch (AuditStoreException e) {
            out.println("REFUSED " + e.messageKey());
            out.flush();
            return;
        }
        try (s) {
            out.println("OPEN " + s.access());
            out.flush();
            for (int i = 0; i < count; i++) {
                try {
                    AuditEvent e = s.appendEvent(tag, "NOTE", null, null, "{\"i\":" + i + ",\"w\":\"" + tag + "\"}",
                            null);
                    out.println("ACK " + e.id() + " " + tag);
                } catch (AuditStoreException e) {
                    out.println(("audit.error.busy".equals(e.messageKey()) ? "BUSY " : "ERROR ") + e.messageKey());
                }
                out.flush();
            }
        }
    }
}
