package org.releaseauditor.audit.sqlite;

import java.io.PrintStream;
import java.nio.file.Path;
import org.releaseauditor.core.casefile.AuditEvent;

/**
 * Child process of {@link CrashSafetyTest}: appends events to a case in a loop and prints the id
 * of each event after its transaction committed. The parent kills it with SIGKILL.
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
            for (int i = 0; i < 1_000_000; i++) {
                AuditEvent e = s.appendEvent("writer", "NOTE", null, null,
                        "{\"i\":" + i + ",\"pad\":\"" + "x".repeat(i % 500) + "\"}", null);
                out.println(e.id());
                out.flush();
            }
        }
    }
}
