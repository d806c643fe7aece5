package org.releaseauditor.ui.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.trajectory.AttackType;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.policy.VerdictService;
import org.releaseauditor.service.trajectories.TrajectoriesLane;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
import org.releaseauditor.service.trajectories.TrajectoryReport;
import org.releaseauditor.ui.charts.SummaryCard;
import org.releaseauditor.ui.charts.SummaryCard.Status;
import org.releaseauditor.ui.risk.CardData;

/**
 * Issue 13: the trajectory cards take their state from the verdict of trajectory-unicity-10
 * (unicity and home/work singled-out share <= 10 % FAIL, unicity CI upper end and attacks <= 10 %
 * WARN), never from a threshold in the GUI.
 */
class TrajectoryCardVerdictTest {
    @TempDir
    Path dir;
    private TrajectorySettingsViewModel s;
    private PolicyProfile policy;

    @BeforeEach
    void setUp() throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        s = new TrajectorySettingsViewModel();
        policy = new VerdictService().defaultPolicy("trajectories").orElseThrow();
    }

    /** As TrajectoryViewModelTest: four users; with p = 2, u2 and u3 are unique: unicity 2/4 = 0.5 (by hand). */
    private LaneResult<TrajectoriesRequest, TrajectoryReport> analyse() throws Exception {
        Path f = dir.resolve("events.csv");
        Files.writeString(f, String.join("\n",
                "pseudonym,timestamp,cell,lat,lon,age_band",
                "u1,2025-03-03T08:10:00,A,52.00,10.00,30-39",
                "u1,2025-03-03T09:10:00,B,52.10,10.10,30-39",
                "u2,2025-03-03T08:20:00,A,52.00,10.00,40-49",
                "u2,2025-03-03T09:20:00,C,52.00,10.10,40-49",
                "u3,2025-03-03T08:30:00,D,52.10,10.00,30-39",
                "u4,2025-03-03T08:40:00,A,52.00,10.00,50-59",
                "u4,2025-03-03T09:40:00,B,52.10,10.10,50-59") + "\n", StandardCharsets.UTF_8);
        s.setColumns(List.of("pseudonym", "timestamp", "cell", "lat", "lon", "age_band"));
        s.fileProperty().set(f);
        s.minPointsProperty().set(2);
        s.maxPointsProperty().set(2);
        s.attack(AttackType.LOCATION).selectedProperty().set(true);
        LaneCall<TrajectoriesRequest> call = s.toRequest();
        return new TrajectoriesLane().analyze(call.request(), TrajectoryDashboardViewModel.inputs(call),
                ProgressMonitor.none());
    }

    private static CardData card(List<CardData> cards, String id) {
        return cards.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theUnicityCardIsTheVerdictsStateOfItsRow() throws Exception {
        LaneResult<TrajectoriesRequest, TrajectoryReport> lr = analyse();
        Verdict v = new VerdictService().verdict(policy, lr, Locale.ENGLISH);
        List<CardData> cards = TrajectoryDashboardViewModel.cards(lr.output(), v);
        assertEquals(Status.FAIL, card(cards, "trajCardUnicity").status(), "0.5 > 10 %");
        assertEquals(SummaryCard.of(v.worstOf("unicity.0.fraction", "unicity.0.ciHigh")),
                card(cards, "trajCardUnicity").status());
        assertEquals(SummaryCard.of(v.statusOf("attacks.0.fractionRisk1")), card(cards, "trajCardAttack").status());
        assertEquals(Status.NEUTRAL, card(cards, "trajCardUsers").status());
        // the hover text: the catalogue's sentence with the row's number of points, then the verdict's sentence
        String tip = card(cards, "trajCardUnicity").explanation();
        assertTrue(tip.startsWith("The share of users singled out by 2 known points of their trace."), tip);
        assertTrue(tip.contains(v.findingFor("unicity.0.fraction").orElseThrow().sentence()), tip);
        // without a verdict nothing is green or red
        assertFalse(TrajectoryDashboardViewModel.cards(lr.output(), null).stream()
                .anyMatch(c -> c.status() != Status.NEUTRAL));
    }

    @Test
    void aHandMadeSuccessfulUnicityIsGreenAndAFailingOneIsRed() throws Exception {
        TrajectoryReport r = analyse().output();
        // hand-made results for the one unicity row: 2 % with CI up to 3 % passes; 17 % fails
        Verdict pass = new VerdictService().verdict(policy, "{\"lane\":\"trajectories\",\"schemaVersion\":1,"
                + "\"unicity\":[{\"points\":2,\"fraction\":0.02,\"ciHigh\":0.03}]}", Locale.ENGLISH);
        Verdict fail = new VerdictService().verdict(policy, "{\"lane\":\"trajectories\",\"schemaVersion\":1,"
                + "\"unicity\":[{\"points\":2,\"fraction\":0.17,\"ciHigh\":0.2}]}", Locale.ENGLISH);
        Verdict warn = new VerdictService().verdict(policy, "{\"lane\":\"trajectories\",\"schemaVersion\":1,"
                + "\"unicity\":[{\"points\":2,\"fraction\":0.08,\"ciHigh\":0.12}]}", Locale.ENGLISH);
        assertEquals(Status.PASS, card(TrajectoryDashboardViewModel.cards(r, pass), "trajCardUnicity").status());
        assertEquals(Status.FAIL, card(TrajectoryDashboardViewModel.cards(r, fail), "trajCardUnicity").status());
        assertEquals(Status.WARN, card(TrajectoryDashboardViewModel.cards(r, warn), "trajCardUnicity").status(),
                "8 % passes, but the CI's upper end 12 % > 10 % warns");
    }
}
