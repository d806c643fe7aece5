package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.FakeMicrodataLane;
import org.releaseauditor.service.LaneRegistry;

/** A whole audit scripted through the CLI, as a release pipeline would do it. */
class CaseCliTest {

    static final String CSV = FakeMicrodataLane.SAMPLE_CSV;

    @TempDir
    Path dir;
    Path data;
    Path rcase;

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeEach
    void setUp() throws Exception {
        LaneRegistry.global().register(new FakeMicrodataLane());
        Messages.setLocale(Locale.ENGLISH);
        data = dir.resolve("release.csv");
        Files.writeString(data, CSV, StandardCharsets.UTF_8);
        rcase = dir.resolve("footfall.rcase");
    }

    @AfterEach
    void tearDown() {
        LaneRegistry.global().unregister(FakeMicrodataLane.LANE);
        Messages.setLocale(Locale.ENGLISH);
    }

    /** new, add-dataset, attacker, run with a failing policy, decide. */
    static void scriptedAudit(Path rcase, Path data) {
        Result r = cli("case", "new", rcase.toString(), "--title", "Footfall Q3", "--data-product", "Smart Steps",
                "--controller", "Telco AG", "--auditor", "Dana DPO");
        assertEquals(0, r.code(), r.err());
        r = cli("case", "add-dataset", rcase.toString(), data.toString(), "--role", "age=QUASI_IDENTIFIER",
                "--role", "district=QUASI_IDENTIFIER", "--role", "diagnosis=SENSITIVE");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Dataset 1 added"), r.out());
        r = cli("case", "attacker", rcase.toString(), "--name", "neighbour", "--model",
                "{\"model\":\"prosecutor\",\"known\":[\"age\",\"district\"]}");
        assertEquals(0, r.code(), r.err());
        r = cli("case", "run", rcase.toString(), "--lane", FakeMicrodataLane.LANE, "--dataset", "1", "--param",
                "qis=age,district", "--policy", "min-group-5");
        assertEquals(ExitCodes.POLICY_FAILED, r.code(), r.out() + r.err());
        // the verdict's sentence with the number and the threshold, then the rule (issue 13)
        assertTrue(r.out().contains("FAIL  k is 2; the policy requires at least 5. (k >= 5)"), r.out());
        r = cli("case", "decide", rcase.toString(), "--outcome", "approve_with_conditions", "--conditions",
                "release only to the research partner", "--rationale", "contract forbids linkage", "--auditor",
                "Dana DPO", "--override-justification", "k = 2 is accepted: the partner is contractually bound");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void wholeAuditCanBeScriptedAndVerified() throws Exception {
        scriptedAudit(rcase, data);
        Result show = cli("case", "show", rcase.toString(), "--format", "json");
        assertEquals(0, show.code(), show.err());
        JsonNode j = new ObjectMapper().readTree(show.out());
        assertEquals(1, j.get("schemaVersion").asInt());
        assertEquals(2, j.at("/runs/0/result/k").asInt());
        assertEquals("APPROVE_WITH_CONDITIONS", j.at("/decisions/0/outcome").asText());
        assertTrue(j.at("/decisions/0/policy/id").asText().equals("min-group-5"));
        assertEquals(3, j.get("roles").size());

        Result v = cli("verify", rcase.toString());
        assertEquals(0, v.code(), v.out());
        assertTrue(v.out().contains("VERIFIED"), v.out());
        assertFalse(v.out().contains("BROKEN"), v.out());
        assertEquals(0, cli("case", "verify", rcase.toString()).code());
    }

    @Test
    void verifyReportsTamperingAndChangedFilesWithExit3() throws Exception {
        scriptedAudit(rcase, data);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + rcase); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER decision_no_update");
            st.execute("UPDATE decision SET outcome = 'APPROVE', conditions = ''");
        }
        Files.writeString(data, CSV + "60-69,Mitte,Asthma\n", StandardCharsets.UTF_8);
        Result v = cli("verify", rcase.toString());
        assertEquals(ExitCodes.INPUT, v.code(), v.out());
        assertTrue(v.out().contains("BROKEN  rows of table decision: decision 1: column(s) conditions, outcome"),
                v.out());
        assertTrue(v.out().contains("BROKEN  dataset 1"), v.out());
        assertTrue(v.out().contains("NOT VERIFIED"), v.out());
    }

    @Test
    void decideIsRefusedWhenTheDataChanged() throws Exception {
        scriptedAudit(rcase, data);
        Files.writeString(data, CSV.replace("Gastritis", "Gout"), StandardCharsets.UTF_8);
        Result r = cli("case", "decide", rcase.toString(), "--outcome", "approve", "--rationale", "fine",
                "--auditor", "Dana");
        assertEquals(ExitCodes.INPUT, r.code());
        assertTrue(r.err().contains("changed since it was analysed"), r.err());
    }

    @Test
    void missingRationaleIsAUsageError() throws Exception {
        scriptedAudit(rcase, data);
        Result r = cli("case", "decide", rcase.toString(), "--outcome", "reject", "--rationale", " ", "--auditor",
                "Dana");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("rationale"), r.err());
    }

    @Test
    void nonCaseFileGivesOneClearErrorLine() throws Exception {
        Result r = cli("verify", data.toString());
        assertEquals(ExitCodes.INPUT, r.code());
        assertTrue(r.err().contains("is not a case file"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void reportsAreWrittenInBothFormatsAndLanguagesWithoutRecordValues() throws Exception {
        scriptedAudit(rcase, data);
        Path html = dir.resolve("report.html");
        Result r = cli("report", rcase.toString(), "--format", "html", "--out", html.toString());
        assertEquals(0, r.code(), r.err());
        String h = Files.readString(html);
        assertTrue(h.contains("data:image/png;base64,"), "charts are embedded");
        assertFalse(h.contains("<link") || h.contains("src=\"http"), "self-contained");
        assertTrue(h.contains("Decision history"));
        assertTrue(h.contains("release-auditor verify footfall.rcase"));
        assertTrue(h.contains("k: the size of the smallest equivalence class."), "every number is explained");
        for (String value : new String[] {"Kreuzberg", "Pankow", "Lichtenberg", "30-39", "Asthma"}) {
            assertFalse(h.contains(value), "record value in report: " + value);
        }
        assertTrue(h.contains("riskiestClasses: 1 entries hidden"), "hidden section is announced");

        Path withRecords = dir.resolve("with.html");
        assertEquals(0, cli("report", rcase.toString(), "--out", withRecords.toString(), "--include-records").code());
        assertTrue(Files.readString(withRecords).contains("30-39|Kreuzberg|"));

        Path pdf = dir.resolve("bericht.pdf");
        r = cli("--lang", "de", "report", rcase.toString(), "--format", "pdf", "--out", pdf.toString());
        assertEquals(0, r.code(), r.err());
        byte[] b = Files.readAllBytes(pdf);
        assertEquals("%PDF", new String(b, 0, 4, StandardCharsets.US_ASCII));
        assertTrue(b.length > 5000);
        Path de = dir.resolve("bericht.html");
        assertEquals(0, cli("--lang", "de", "case", "report", rcase.toString(), "--out", de.toString()).code());
        assertTrue(Files.readString(de).contains("Entscheidungsverlauf"));
    }
}
