package org.releaseauditor.audit.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.releaseauditor.audit.NewDataset;
import org.releaseauditor.audit.NewDecision;
import org.releaseauditor.audit.NewFindings;
import org.releaseauditor.audit.NewRun;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.error.AuditStoreException;

/** Builds a small case with one row in every table, and tampers with it through plain JDBC. */
final class CaseFixture {

    static final String RATIONALE = "RATIONALE-MARKER all classes have at least five records";

    private CaseFixture() {
    }

    /** Creates a full case; events: 1 created, 2 dataset, 3 role, 4 attacker, 5 run, 6 findings, 7 decision, 8 note. */
    static Path fullCase(Path dir) throws AuditStoreException {
        Path file = dir.resolve("test.rcase");
        try (JdbcAuditStore s = JdbcAuditStore.create(file, new CaseInfo("Footfall Q3", "Smart Steps", "Telco AG",
                "Dana DPO", null), "dana", "test-1")) {
            long ds = s.addDataset(new NewDataset("/data/a.csv", "a".repeat(64), 1234, Instant.parse(
                    "2026-01-01T00:00:00Z"), "{\"columns\":[\"age\",\"zip\"]}"), "dana").id();
            s.addRoleAssignment(ds, "age", "QUASI_IDENTIFIER", "dana");
            s.addAttackerModel("neighbour", "{\"model\":\"prosecutor\",\"known\":[\"age\"]}", "dana");
            long run = s.addRun(new NewRun("microdata", "test-1", "{\"qis\":[\"age\"]}", "{\"k\":5,\"records\":10}",
                    List.of(ds)), "dana").id();
            s.addFindings(run, new NewFindings("min-group-5", "1.0", "{\"id\":\"min-group-5\"}",
                    List.of(new NewFindings.Item("k", ">=", 5, 5.0, "PASS", "k = 5 satisfies >= 5."))), "dana");
            s.addDecision(new NewDecision(DecisionOutcome.APPROVE, "", RATIONALE, "Dana DPO",
                    "{\"1\":\"" + "a".repeat(64) + "\"}", "{\"id\":\"min-group-5\"}", List.of(run)));
            s.appendEvent("dana", "NOTE", null, null, "{\"note\":\"after decision\"}", null);
        }
        return file;
    }

    /** Runs SQL on the file with a plain connection (no triggers dropped unless the SQL does). */
    static void sql(Path file, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }
}
