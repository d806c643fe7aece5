package org.releaseauditor.ui.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.trajectory.AttackType;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.aggregates.AggregatesLane;
import org.releaseauditor.service.aggregates.AggregatesRequest;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.service.trajectories.TrajectoriesLane;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
import org.releaseauditor.ui.aggregate.AggregateDashboardViewModel;
import org.releaseauditor.ui.aggregate.AggregateSettingsViewModel;
import org.releaseauditor.ui.fx.Debouncer;
import org.releaseauditor.ui.fx.ManualTaskRunner;
import org.releaseauditor.ui.fx.ResultState;
import org.releaseauditor.ui.trajectory.TrajectoryDashboardViewModel;
import org.releaseauditor.ui.trajectory.TrajectorySettingsViewModel;

/**
 * Issue 11 item 5 without the toolkit: the trajectories and the aggregates dashboards' results are
 * recorded into a case by the one record action, with the request's canonical JSON as the run's
 * parameters, the SHA-256 of the bytes analysed (computed here independently of the app) and the
 * attacker model; a result from earlier settings or a cancelled run is never recorded.
 */
class RecordEveryLaneTest {
    @TempDir
    Path dir;
    private ManualTaskRunner runner;
    private CaseViewModel cases;
    private RecordAction action;

    @BeforeEach
    void setUp() {
        Messages.setLocale(Locale.ENGLISH);
        runner = ManualTaskRunner.manual();
        cases = new CaseViewModel(ManualTaskRunner.direct());
        cases.create(dir.resolve("audit.rcase"), "Release", "extract", "Controller", "Dana DPO");
        assertTrue(cases.writableProperty().get());
        action = new RecordAction(cases);
    }

    @AfterEach
    void close() {
        cases.close();
    }

    private static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    private CaseService open() {
        return cases.openCaseProperty().get();
    }

    private List<RunEntry> runs() throws AuditException {
        return open().runs();
    }

    // ------------------------------------------------------------------ trajectories

    /** Four users as in TrajectoryViewModelTest: unicity at p = 2 is 2/4 (u2 and u3 are unique). */
    private Path events(String name, String u3Cell) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", "pseudonym,timestamp,cell,lat,lon,age_band",
                "u1,2025-03-03T08:10:00,A,52.00,10.00,30-39", "u1,2025-03-03T09:10:00,B,52.10,10.10,30-39",
                "u2,2025-03-03T08:20:00,A,52.00,10.00,40-49", "u2,2025-03-03T09:20:00,C,52.00,10.10,40-49",
                "u3,2025-03-03T08:30:00," + u3Cell + ",52.10,10.00,30-39", "u4,2025-03-03T08:40:00,A,52.00,10.00,50-59",
                "u4,2025-03-03T09:40:00,B,52.10,10.10,50-59") + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private TrajectoryDashboardViewModel trajectories(Path events) {
        TrajectorySettingsViewModel s = new TrajectorySettingsViewModel();
        TrajectoryDashboardViewModel vm = new TrajectoryDashboardViewModel(new TrajectoriesLane(), runner,
                Debouncer.immediate(), s);
        s.setColumns(List.of("pseudonym", "timestamp", "cell", "lat", "lon", "age_band"));
        s.fileProperty().set(events);
        s.minPointsProperty().set(1);
        s.maxPointsProperty().set(2);
        return vm;
    }

    /** The location attack with k = 2 and the age band as known attribute. */
    private static void chooseAttacker(TrajectorySettingsViewModel s) {
        s.attackChoices().stream().filter(c -> c.type() == AttackType.LOCATION).forEach(c -> {
            c.kProperty().set(2);
            c.selectedProperty().set(true);
        });
        s.attributes().stream().filter(a -> a.column().equals("age_band")).forEach(a -> a.selectedProperty().set(true));
    }

    @Test
    void aTrajectoriesResultIsRecordedWithItsCanonicalRequestTheAnalysedBytesAndTheAttacker() throws Exception {
        Path events = events("events.csv", "D");
        TrajectoryDashboardViewModel vm = trajectories(events);
        chooseAttacker(vm.settings());
        action.targetProperty().set(vm);
        action.targetNameProperty().set("Trajectories");
        assertEquals(ResultState.COMPUTING, vm.resultStateProperty().get());
        assertTrue(action.disabledProperty().get());
        runner.last().runToEnd();
        assertEquals(ResultState.CURRENT, vm.resultStateProperty().get());
        assertFalse(action.disabledProperty().get(), action.reasonProperty().get());
        var result = vm.resultProperty().get();
        assertEquals(1.0, result.output().unicity().row(2).fraction(), 1e-12,
                "u2 and u3 by their points; u1 (30-39) and u4 (50-59) by the known age band");

        assertTrue(action.record());
        List<RunEntry> runs = runs();
        assertEquals(1, runs.size());
        RunEntry run = runs.get(0);
        assertEquals("trajectories", run.lane());
        assertEquals(result.request().toJson(), run.paramsJson(), "the request's canonical JSON");
        assertEquals(result.request(), new TrajectoriesLane().readRequest(run.paramsJson()),
                "the stored parameters read back to the analysed request");
        var ds = open().datasets();
        assertEquals(1, ds.size());
        assertEquals(sha256(events), ds.get(0).sha256(), "the SHA-256 of the bytes on disk, as analysed");
        assertEquals(List.of(ds.get(0).id()), run.datasetIds());
        var attacker = open().attackerModels();
        assertEquals(1, attacker.size());
        assertEquals("Background knowledge: 1\u20132 points at locations as given / 1 h; location k=2; age_band",
                attacker.get(0).name());
        String json = attacker.get(0).modelJson();
        assertTrue(json.contains("\"model\":\"background-knowledge\""), json);
        assertTrue(json.contains("{\"attack\":\"location\",\"k\":2}"), json);
        assertTrue(json.contains("\"attributes\":[\"age_band\"]"), json);
        Map<String, String> roles = open().roleAssignments().stream()
                .collect(Collectors.toMap(r -> r.column(), r -> r.role(), (a, b) -> b));
        assertEquals("PSEUDONYM", roles.get("pseudonym"));
        assertEquals("TIMESTAMP", roles.get("timestamp"));
        assertEquals("LOCATION", roles.get("cell"));
    }

    @Test
    void whileANewTrajectoryFileIsAnalysedTheOldCardsAreMarkedAndCancelThenRecordIsRefused() throws Exception {
        Path first = events("first.csv", "D");
        TrajectoryDashboardViewModel vm = trajectories(first);
        action.targetProperty().set(vm);
        runner.last().runToEnd();
        var old = vm.resultProperty().get();
        var oldCards = List.copyOf(vm.cards());

        // a new file: the old cards stay on screen, marked, and cannot be recorded
        Path second = events("second.csv", "A");
        vm.settings().fileProperty().set(second);
        assertEquals(ResultState.COMPUTING, vm.resultStateProperty().get());
        assertSame(old, vm.resultProperty().get());
        assertEquals(oldCards, vm.cards(), "the previous file's cards are still shown (dimmed, with a badge)");
        assertEquals(Messages.get("record.reason.computing"), action.reasonProperty().get());

        vm.cancel();
        assertEquals(ResultState.OUTDATED, vm.resultStateProperty().get());
        assertTrue(action.disabledProperty().get());
        assertEquals(Messages.get("record.reason.outdated"), action.reasonProperty().get());
        assertFalse(action.record(), "after Cancel the previous file's result is not recorded as current");
        assertTrue(runs().isEmpty());

        vm.runNow();
        runner.last().runToEnd();
        assertEquals(ResultState.CURRENT, vm.resultStateProperty().get());
        // u3 now shares A@8h with u1, u2, u4: only u2 is unique at p = 2 (1/4)
        assertEquals(0.25, vm.resultProperty().get().output().unicity().row(2).fraction(), 1e-12);
        assertTrue(action.record());
        assertEquals(sha256(second), open().datasets().get(0).sha256(), "the new file's bytes are recorded");
        assertEquals(1, runs().size());
    }

    // ------------------------------------------------------------------ aggregates

    /** area × age with margins; threshold "count &lt; 5" (the release of AggregateDashboardViewModelTest). */
    private Path release() throws Exception {
        Path f = dir.resolve("small.csv");
        Files.writeString(f, String.join("\n", "area,age,count", "A,y,", "A,o,12", "A,Total,20", "B,y,3", "B,o,15",
                "B,Total,18", "Total,y,", "Total,o,27", "Total,Total,38") + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private AggregateDashboardViewModel aggregates(Path table) {
        AggregateDashboardViewModel vm = new AggregateDashboardViewModel(new AggregatesLane(), new DatasetService(),
                runner);
        AggregateSettingsViewModel s = vm.settings();
        s.addTable(table, List.of("area", "age", "count"));
        s.thresholdProperty().set("5");
        s.auditProperty().set(true);
        return vm;
    }

    @Test
    void anAggregatesResultIsRecordedWithItsCanonicalRequestTheAnalysedBytesAndTheAttacker() throws Exception {
        Path table = release();
        AggregateDashboardViewModel vm = aggregates(table);
        action.targetProperty().set(vm);
        action.targetNameProperty().set("Aggregates");
        assertEquals(Messages.get("record.reason.none"), action.reasonProperty().get());
        assertTrue(vm.run(), vm.problemsProperty().get());
        assertEquals(ResultState.COMPUTING, vm.resultStateProperty().get());
        runner.last().runToEnd();
        assertEquals(ResultState.CURRENT, vm.resultStateProperty().get());
        var result = vm.resultProperty().get();
        assertNotNull(vm.viewProperty().get());

        assertTrue(action.record());
        RunEntry run = runs().get(0);
        assertEquals("aggregates", run.lane());
        assertEquals(result.request().toJson(), run.paramsJson());
        assertEquals(result.request(), new AggregatesLane().readRequest(run.paramsJson()));
        assertTrue(run.paramsJson().contains("\"threshold\":5"), run.paramsJson());
        assertEquals(sha256(table), open().datasets().get(0).sha256());
        assertEquals(List.of(open().datasets().get(0).id()), run.datasetIds());
        var attacker = open().attackerModels().get(0);
        assertEquals("Intruder with the published tables (1 tables; LP audit on)", attacker.name());
        assertTrue(attacker.modelJson().contains("\"model\":\"table-intruder\""), attacker.modelJson());
        assertTrue(attacker.modelJson().contains("\"audit\":true"), attacker.modelJson());
        Map<String, String> roles = open().roleAssignments().stream()
                .collect(Collectors.toMap(r -> r.column(), r -> r.role(), (a, b) -> b));
        assertEquals(Map.of("area", "QUASI_IDENTIFIER", "age", "QUASI_IDENTIFIER", "count", "COUNT"), roles);
    }

    @Test
    void anAggregatesSettingsChangeOrCancelMarksTheResultAndRecordingIsRefused() throws Exception {
        AggregateDashboardViewModel vm = aggregates(release());
        action.targetProperty().set(vm);
        vm.run();
        runner.last().runToEnd();
        var threshold5 = vm.resultProperty().get();

        vm.settings().thresholdProperty().set("10");
        assertEquals(ResultState.OUTDATED, vm.resultStateProperty().get(), "marked at once: the tab runs on demand");
        assertSame(threshold5, vm.resultProperty().get());
        assertFalse(action.record());
        assertEquals(Messages.get("record.reason.outdated"), cases.messageProperty().get());

        vm.run();
        assertEquals(ResultState.COMPUTING, vm.resultStateProperty().get());
        vm.cancel();
        assertEquals(ResultState.OUTDATED, vm.resultStateProperty().get());
        assertFalse(action.record(), "the threshold-5 result is never recorded as the threshold-10 analysis");
        assertTrue(runs().isEmpty());

        vm.run();
        runner.last().runToEnd();
        assertTrue(action.record());
        assertTrue(runs().get(0).paramsJson().contains("\"threshold\":10"), runs().get(0).paramsJson());
    }
}
