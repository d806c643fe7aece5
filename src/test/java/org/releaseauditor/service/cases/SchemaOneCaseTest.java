package org.releaseauditor.service.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.casefile.CaseStatus;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.VerificationReport;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.LaneRegistry;

/**
 * A case written by the code before schema version 2 (checked in under
 * {@code src/test/resources/org/releaseauditor/audit/fixtures}, see the README there) still opens,
 * verifies, reports its status, and is migrated when opened for writing, without breaking its
 * chain or its head.
 */
class SchemaOneCaseTest {

    static final String V1_HEAD = "8910ad9dc641c39b5fdf99547755addacde9c2ac7097fccfca3900f502bc4c0d";

    @TempDir
    Path dir;
    Path rcase;

    @BeforeEach
    void copyFixture() throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        for (String f : List.of("case-v1.rcase", "release-v1.csv")) {
            try (InputStream in = getClass().getResourceAsStream("/org/releaseauditor/audit/fixtures/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        rcase = dir.resolve("case-v1.rcase");
    }

    @Test
    void schemaOneCaseOpensReadOnlyAndVerifies() throws Exception {
        try (CaseService cs = CaseService.open(rcase, true, LaneRegistry.global())) {
            assertEquals(1, cs.schemaVersion(), "reading does not migrate");
            VerificationReport r = cs.verify(dir, ProgressMonitor.none());
            assertTrue(r.allOk(), r.items().toString());
            assertEquals(V1_HEAD, r.headHash());
            assertEquals(8, r.events());
            assertEquals(CaseStatus.State.DECIDED, r.status().state());
            assertEquals(DecisionOutcome.APPROVE_WITH_CONDITIONS, r.status().outcome());
            assertTrue(cs.currentDecisionDetails().orElseThrow().record().isEmpty(), "no record in schema 1");
            assertEquals(List.of(1L), cs.currentDecisionDetails().orElseThrow().approvedOutputs());
        }
    }

    @Test
    void openingForWritingMigratesAndKeepsTheChainAndItsHead() throws Exception {
        try (CaseService cs = CaseService.open(rcase, false, LaneRegistry.global())) {
            assertEquals(2, cs.schemaVersion());
            assertTrue(cs.verifyHead(V1_HEAD).ok(), "the old receipt is still contained");
            assertTrue(cs.verify(dir, ProgressMonitor.none()).allOk());
            cs.recordAttackerModel("neighbour", "{}");
            assertEquals(9, cs.history().size());
            assertTrue(cs.verify(dir, ProgressMonitor.none()).allOk());
            assertEquals(CaseStatus.State.REOPENED, cs.status().state());
        }
    }
}
