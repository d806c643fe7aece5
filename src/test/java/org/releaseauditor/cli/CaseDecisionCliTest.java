package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.releaseauditor.cli.CaseCliTest.Result;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.FakeMicrodataLane;
import org.releaseauditor.service.LaneRegistry;

/** The case CLI of issues 13 and 14: override, per-output decisions, review, export, receipts, verify. */
class CaseDecisionCliTest {

    @TempDir
    Path dir;
    Path rcase;

    static Result cli(String... args) {
        return CaseCliTest.cli(args);
    }

    @BeforeEach
    void setUp() throws Exception {
        LaneRegistry.global().register(new FakeMicrodataLane());
        Messages.setLocale(Locale.ENGLISH);
        rcase = dir.resolve("c.rcase");
        Files.writeString(dir.resolve("failing.csv"), FakeMicrodataLane.SAMPLE_CSV, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("passing.csv"), """
                age,district,diagnosis
                50-59,Lichtenberg,Influenza
                50-59,Lichtenberg,Diabetes
                50-59,Lichtenberg,Asthma
                50-59,Lichtenberg,Migraine
                50-59,Lichtenberg,Gastritis
                """, StandardCharsets.UTF_8);
        assertEquals(0, cli("case", "new", rcase.toString(), "--title", "T", "--controller", "Telco AG").code());
        for (String f : new String[] {"failing.csv", "passing.csv"}) {
            Result r = cli("case", "run", rcase.toString(), "--lane", FakeMicrodataLane.LANE, "--dataset",
                    dir.resolve(f).toString(), "--param", "qis=age,district", "--policy", "min-group-5");
            assertTrue(r.code() <= 1, r.err());
        }
    }

    @AfterEach
    void tearDown() {
        LaneRegistry.global().unregister(FakeMicrodataLane.LANE);
    }

    private static String receiptHead(String out) {
        int i = out.indexOf("head hash ", out.indexOf("Receipt: "));
        return out.substring(i + 10, i + 74);
    }

    @Test
    void everyWritePrintsItsReceiptAndVerifyChecksIt() throws Exception {
        Result r = cli("case", "attacker", rcase.toString(), "--name", "n", "--model", "{}");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Receipt: event 8 (ATTACKER_MODEL_RECORDED), head hash "), r.out());
        String head = receiptHead(r.out());
        Result v = cli("verify", rcase.toString(), "--head", head);
        assertEquals(0, v.code(), v.out());
        assertTrue(v.out().contains("OK      receipt head " + head + ": contained: it is event 8 of 8"), v.out());
        assertTrue(v.out().contains("Status: OPEN: no decision yet"), v.out());
        assertEquals(1, cli("verify", rcase.toString(), "--require-decision").code(), "an open case is unfinished");

        // cut the tail: the chain alone still verifies, the receipt does not
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + rcase); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_event_no_delete");
            st.execute("DROP TRIGGER attacker_model_no_delete");
            st.execute("DELETE FROM audit_event WHERE id = 8");
            st.execute("DELETE FROM attacker_model WHERE id = 1");
        }
        assertEquals(0, cli("verify", rcase.toString()).code());
        v = cli("verify", rcase.toString(), "--head", head);
        assertEquals(ExitCodes.INPUT, v.code(), v.out());
        assertTrue(v.out().contains("BROKEN  receipt head " + head + ": NOT contained in the 7 events"), v.out());
        assertEquals(ExitCodes.USAGE, cli("verify", rcase.toString(), "--head", "abc").code());
    }

    @Test
    void approvalOverAFailingFindingIsAUsageErrorNamingItUntilJustified() {
        Result r = cli("case", "decide", rcase.toString(), "--outcome", "APPROVE", "--rationale", "r", "--auditor",
                "Dana");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--override-justification"), r.err());
        assertTrue(r.err().contains("run 1: k >= 5 (measured 2)"), r.err());
        r = cli("case", "decide", rcase.toString(), "--outcome", "APPROVE", "--rationale", "r", "--auditor", "Dana",
                "--override-justification", "closed user group", "--purpose", "research", "--legal-basis", "89",
                "--legal-basis", "Art. 6(1)(e)", "--recipients", "university", "--retention", "1 year");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Decision 1 recorded: APPROVE"), r.out());
        assertTrue(r.out().contains("DECIDED: the case ends in decision 1"), r.out());
        Result show = cli("case", "show", rcase.toString());
        assertTrue(show.out().contains("OVERRIDE of failed findings: closed user group"), show.out());
        assertTrue(show.out().contains("legal basis [Art. 6(1)(e), Art. 89]"), show.out());
        assertEquals(ExitCodes.USAGE, cli("case", "decide", rcase.toString(), "--outcome", "REJECT", "--rationale",
                "r", "--auditor", "Dana", "--legal-basis", "6(2)").code());
    }

    @Test
    void perOutputDecisionsReviewAndExport() throws Exception {
        Result r = cli("case", "decide", rcase.toString(), "--output", "1=REJECT:k = 2", "--output", "2=approve",
                "--rationale", "only the passing table", "--auditor", "Dana DPO");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("APPROVE_WITH_CONDITIONS"), r.out());
        r = cli("case", "review", rcase.toString(), "--reviewer", "dana dpo");
        assertEquals(ExitCodes.USAGE, r.code(), "the decider cannot review: " + r.err());
        r = cli("case", "review", rcase.toString(), "--reviewer", "Rita", "--comment", "agreed");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Review 1 recorded: Rita signed decision 1."), r.out());
        assertTrue(r.out().contains("Receipt: event 9 (REVIEW_RECORDED)"), r.out());

        Result show = cli("case", "show", rcase.toString(), "--events", "--format", "json");
        JsonNode j = new ObjectMapper().readTree(show.out());
        assertEquals(9, j.get("events").size(), "the events are listed, not counted");
        assertEquals("REVIEW_RECORDED", j.at("/events/8/action").asText());
        assertEquals(j.get("headHash").asText(), j.at("/events/8/hash").asText());
        assertEquals("REJECT", j.at("/decisions/0/outputs/0/outcome").asText());
        assertEquals("k = 2", j.at("/decisions/0/outputs/0/comment").asText());
        assertEquals("Rita", j.at("/decisions/0/reviews/0/reviewer").asText());
        assertEquals("DECIDED", j.at("/status/state").asText());
        assertEquals(9, new ObjectMapper().readTree(cli("case", "show", rcase.toString(), "--format", "json").out())
                .get("events").asInt(), "without --events the count stays");

        Path out = dir.resolve("export");
        r = cli("case", "export", rcase.toString(), "--to", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("outputs/passing.csv")));
        assertFalse(Files.exists(out.resolve("outputs/failing.csv")));
        Result v = cli("verify", out.toString());
        assertEquals(0, v.code(), v.out());
        assertTrue(v.out().contains("exported outputs are exactly the approved outputs of decision 1"), v.out());
        if (Files.isExecutable(Path.of("/usr/bin/sha256sum"))) {
            Process p = new ProcessBuilder("/usr/bin/sha256sum", "-c", "--strict", "SHA256SUMS").directory(out.toFile())
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), text);
            assertEquals(5, text.lines().filter(l -> l.endsWith(": OK")).count(), text);
        }
        assertEquals(ExitCodes.USAGE, cli("case", "export", rcase.toString(), "--to", out.toString()).code(),
                "an existing, non-empty folder is refused");
    }

    @Test
    void exportOfARejectionExitsOneAndWritesNothing() {
        assertEquals(0, cli("case", "decide", rcase.toString(), "--outcome", "REJECT", "--rationale", "r",
                "--auditor", "Dana").code());
        Path out = dir.resolve("export");
        Result r = cli("case", "export", rcase.toString(), "--to", out.toString());
        assertEquals(ExitCodes.POLICY_FAILED, r.code(), r.err());
        assertTrue(r.err().contains("approves no output"), r.err());
        assertFalse(Files.exists(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty", "random", "elf", "zip", "truncated-sqlite", "header-only"})
    void addDatasetRefusesWhatItCannotReadWithTheReason(String kind) throws Exception {
        Path f = dir.resolve(kind + ".csv");
        switch (kind) {
            case "empty" -> Files.write(f, new byte[0]);
            case "random" -> {
                byte[] b = new byte[4096];
                new Random(7).nextBytes(b);
                Files.write(f, b);
            }
            case "elf" -> Files.write(f, new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0});
            case "zip" -> {
                try (OutputStream os = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(os)) {
                    z.putNextEntry(new ZipEntry("data.csv"));
                    z.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
                }
            }
            case "truncated-sqlite" -> {
                Path db = dir.resolve("full.db");
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                        Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE t (a TEXT, b TEXT)");
                    st.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                            + "INSERT INTO t SELECT 'value ' || i, hex(randomblob(20)) FROM n");
                }
                byte[] all = Files.readAllBytes(db);
                Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
            }
            default -> Files.writeString(f, "age,district\n");
        }
        Result r = cli("case", "add-dataset", rcase.toString(), f.toString());
        assertEquals(ExitCodes.INPUT, r.code(), kind + ": " + r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(f.getFileName().toString()), r.err());
        String why = switch (kind) {
            case "empty" -> "is empty";
            case "random" -> "not delimited text";
            case "elf" -> "ELF executable";
            case "zip" -> "zip";
            case "truncated-sqlite" -> "truncated SQLite database";
            default -> "header";
        };
        assertTrue(r.err().contains(why), kind + ": " + r.err());
        assertFalse(r.err().contains("{\"columns\":[\"\"]}"));
    }

    @Test
    void addDatasetRecordsTheDetectedSchemaOfTextAndSqlite() throws Exception {
        Path db = dir.resolve("cells.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE cells (area TEXT, n INTEGER)");
            st.execute("INSERT INTO cells VALUES ('a', 12)");
        }
        assertEquals(0, cli("case", "add-dataset", rcase.toString(), db.toString()).code());
        JsonNode j = new ObjectMapper().readTree(cli("case", "show", rcase.toString(), "--format", "json").out());
        assertEquals("delimited", j.at("/datasets/0/schema/format").asText());
        assertEquals("age", j.at("/datasets/0/schema/columns/0").asText());
        assertEquals("sqlite", j.at("/datasets/2/schema/format").asText());
        assertEquals("cells", j.at("/datasets/2/schema/tables/0/name").asText());
    }
}
