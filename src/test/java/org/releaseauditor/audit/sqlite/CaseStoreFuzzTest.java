package org.releaseauditor.audit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.releaseauditor.audit.NewDataset;
import org.releaseauditor.audit.NewDecision;
import org.releaseauditor.audit.NewFindings;
import org.releaseauditor.audit.NewRun;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.casefile.VerificationItem;
import org.releaseauditor.core.error.AuditStoreException;

/**
 * Property-based fuzzing of the case store (issue 14, items 5 and 8).
 *
 * <ul>
 *   <li>Random sequences of writes, valid and invalid (unknown runs, datasets and decisions,
 *       reviews of superseded decisions, arbitrary Unicode, reopening the store): every write
 *       either succeeds or is refused with an {@link AuditStoreException}, the chain always
 *       verifies, and it holds exactly one event per successful write.</li>
 *   <li>Random byte corruption of a case file (bit flips, random bytes, zeroed ranges, cuts,
 *       copied pages): opening, verifying and reading never throws anything but an
 *       {@code AuditStoreException} with a message, and whenever verify says every check holds,
 *       the content read is exactly the original one (the corruption hit unused bytes).</li>
 * </ul>
 * Run with {@code ./mvnw -o test -Dtest=CaseStoreFuzzTest}; the counts are printed at the end.
 */
class CaseStoreFuzzTest {

    static final int CORRUPTION_TRIES = 2500;
    static final int SEQUENCE_TRIES = 150;

    private static Path base;
    private static byte[] original;
    private static String originalContent;
    private static final AtomicInteger INPUTS = new AtomicInteger();
    private static final AtomicInteger REPORTED = new AtomicInteger();
    private static final AtomicInteger DETECTED = new AtomicInteger();
    private static final AtomicInteger HARMLESS = new AtomicInteger();
    private static final AtomicInteger REFUSED_WRITES = new AtomicInteger();

    @BeforeContainer
    static void buildCase() throws Exception {
        base = Files.createTempDirectory("case-fuzz");
        Path f = base.resolve("base.rcase");
        try (JdbcAuditStore s = JdbcAuditStore.create(f, new CaseInfo("Fuzz", "P", "Telco", "Dana", null), "d", "t")) {
            for (int i = 0; i < 3; i++) {
                long ds = s.addDataset(new NewDataset("/d/" + i + ".csv", Integer.toHexString(i).repeat(64)
                        .substring(0, 64), 100 + i, Instant.EPOCH, "{\"columns\":[\"a\",\"b\"]}"), "d").id();
                s.addRoleAssignment(ds, "a", "QUASI_IDENTIFIER", "d");
                long run = s.addRun(new NewRun("microdata", "t", "{\"qis\":[\"a\"]}", "{\"k\":" + (3 + i) + "}",
                        List.of(ds)), "d").id();
                s.addFindings(run, new NewFindings("min-group-5", "1", "{\"id\":\"min-group-5\"}", List.of(
                        new NewFindings.Item("k", ">=", 5, 3.0 + i, i < 2 ? "FAIL" : "PASS", "k"))), "d");
            }
            s.addAttackerModel("neighbour", "{\"model\":\"prosecutor\"}", "d");
            s.addDecision(new NewDecision(DecisionOutcome.APPROVE_WITH_CONDITIONS, "partner only", "ok", "Dana",
                    "{\"3\":\"" + "2".repeat(64) + "\"}", "{\"id\":\"p\"}", List.of(3L),
                    new NewDecision.NewDecisionRecord("research", List.of("ART89"), "", "uni", "1 year", "Telco",
                            null, "[]", "[{\"text\":\"partner only\"}]", true,
                            List.of(new NewDecision.NewOutput(3, true, "ok"))), null));
            s.addReview(1, "Rita", "agreed");
        }
        original = Files.readAllBytes(f);
        originalContent = content(f);
    }

    @AfterContainer
    static void report() throws IOException {
        System.out.printf("case store fuzz: %d inputs; corruptions: %d refused with a message, %d reported BROKEN by "
                + "verify, %d harmless (content unchanged), 0 undetected, 0 uncaught; %d invalid writes refused%n",
                INPUTS.get(), REPORTED.get(), DETECTED.get(), HARMLESS.get(), REFUSED_WRITES.get());
        deleteTree(base);
    }

    /** Everything a reader sees, as text (records print their values). */
    static String content(Path f) throws AuditStoreException {
        try (JdbcAuditStore s = JdbcAuditStore.open(f, true, "t")) {
            StringBuilder sb = new StringBuilder();
            sb.append(s.caseInfo()).append(s.datasets()).append(s.roleAssignments()).append(s.attackerModels());
            for (RunEntry r : s.runs()) {
                sb.append(r).append(s.findings(r.id())).append(s.latestPolicyJson(r.id()));
            }
            for (DecisionEntry d : s.decisions()) {
                sb.append(d).append(s.decisionRecord(d.id())).append(s.outputDecisions(d.id()));
            }
            sb.append(s.reviews()).append(s.events()).append(s.headHash()).append(s.schemaVersion());
            return sb.toString();
        }
    }

    // ------------------------------------------------------------------ corruption

    record Mutation(int kind, double where, int length, long seed) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(1, 600), Arbitraries.longs())
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    static byte[] apply(byte[] in, List<Mutation> ms) {
        byte[] b = in.clone();
        for (Mutation m : ms) {
            if (b.length == 0) {
                break;
            }
            Random r = new Random(m.seed());
            int at = (int) Math.min(b.length - 1, Math.floor(m.where() * b.length));
            int len = Math.min(m.length(), b.length - at);
            switch (m.kind()) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> {
                    for (int i = 0; i < len; i++) {
                        b[at + i] = (byte) r.nextInt(256);
                    }
                }
                case 2 -> java.util.Arrays.fill(b, at, at + len, (byte) 0);
                case 3 -> b = java.util.Arrays.copyOf(b, at);
                case 4 -> {
                    int page = 4096;
                    int from = r.nextInt(Math.max(1, b.length / page)) * page;
                    int to = (int) (Math.floor(m.where() * (b.length / page))) * page;
                    int n = Math.min(page, Math.min(b.length - from, b.length - to));
                    if (n > 0) {
                        System.arraycopy(b.clone(), from, b, to, n);
                    }
                }
                default -> b[Math.min(b.length - 1, 16 + r.nextInt(84))] = (byte) r.nextInt(256); // the header
            }
        }
        return b;
    }

    @Property(tries = CORRUPTION_TRIES)
    void corruptionIsDetectedOrClearlyReported(@ForAll("mutations") List<Mutation> ms) throws Exception {
        INPUTS.incrementAndGet();
        byte[] bad = apply(original, ms);
        Path d = Files.createTempDirectory(base, "c");
        Path f = d.resolve("fuzz.rcase");
        Files.write(f, bad);
        try {
            List<VerificationItem> items;
            String seen;
            try (JdbcAuditStore s = JdbcAuditStore.open(f, true, "t")) {
                items = s.verifyChain();
            }
            try {
                seen = content(f);
            } catch (AuditStoreException e) {
                seen = null;
            }
            boolean ok = items.stream().allMatch(VerificationItem::ok);
            if (!ok) {
                DETECTED.incrementAndGet();
                return;
            }
            // verify says everything holds: then the reader must see exactly the original content
            assertEquals(originalContent, seen, "undetected corruption " + ms);
            HARMLESS.incrementAndGet();
        } catch (AuditStoreException e) {
            assertTrue(e.messageKey().startsWith("audit.error."), e.messageKey());
            assertTrue(e.getLocalizedMessage().contains(f.toString()), "the message names the file: "
                    + e.getLocalizedMessage());
            REPORTED.incrementAndGet();
        } finally {
            deleteTree(d);
        }
    }

    // ------------------------------------------------------------------ operation sequences

    record Op(int kind, int a, int b, String text) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers()
                .between(-1, 6), Arbitraries.integers().between(0, 3), text).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = SEQUENCE_TRIES)
    void anySequenceOfWritesKeepsAVerifiableChainWithOneEventPerWrite(@ForAll("operations") List<Op> ops)
            throws Exception {
        INPUTS.incrementAndGet();
        Path d = Files.createTempDirectory(base, "s");
        Path f = d.resolve("ops.rcase");
        int written = 1;
        JdbcAuditStore s = JdbcAuditStore.create(f, new CaseInfo("ops", "", "", "", null), "t", "t");
        try {
            for (Op op : ops) {
                try {
                    switch (op.kind()) {
                        case 0 -> s.appendEvent(op.text(), "NOTE", null, null, "{\"t\":1}", op.text());
                        case 1 -> s.addDataset(new NewDataset(op.text(), "a".repeat(64), op.a(), Instant.EPOCH,
                                "{}"), op.text());
                        case 2 -> s.addRun(new NewRun("microdata", "t", "{}", "{\"k\":" + op.a() + "}",
                                List.of((long) op.a())), "t");
                        case 3 -> s.addFindings(op.a(), new NewFindings("p", "1", "{}", List.of(new NewFindings.Item(
                                "k", ">=", 5, (double) op.b(), op.b() < 2 ? "FAIL" : "PASS", op.text()))), "t");
                        case 4 -> s.addDecision(new NewDecision(DecisionOutcome.values()[op.b() % 3], "",
                                "r" + op.text(), "Dana", "{}", null, List.of((long) op.a())));
                        case 5 -> s.addDecision(new NewDecision(DecisionOutcome.APPROVE, "", "r", "Dana",
                                "{\"" + op.a() + "\":\"x\"}", null, List.of(1L), new NewDecision.NewDecisionRecord(
                                        op.text(), List.of("ART89"), op.text(), "", "", "", null, "[]", "[]",
                                        op.b() == 0, List.of(new NewDecision.NewOutput(op.a(), true, op.text()))),
                                null));
                        case 6 -> s.addReview(op.a(), "Rita" + op.text(), op.text());
                        case 7 -> s.addAttackerModel(op.text(), "{}", "t");
                        default -> {
                            s.close();
                            s = JdbcAuditStore.open(f, false, "t");
                            written--; // reopening writes nothing
                        }
                    }
                    written++;
                } catch (AuditStoreException e) {
                    assertTrue(e.messageKey().startsWith("audit.error."), e.messageKey());
                    REFUSED_WRITES.incrementAndGet();
                }
            }
            assertEquals(written, s.events().size(), "one event per successful write: " + ops);
            List<VerificationItem> items = s.verifyChain();
            assertTrue(items.stream().allMatch(VerificationItem::ok), items + " after " + ops);
        } finally {
            s.close();
            deleteTree(d);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }

}
