package org.releaseauditor.ui.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.Operator;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.policy.PolicyRule;
import org.releaseauditor.core.policy.Severity;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.core.verdict.VerdictStatus;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.policy.VerdictService;
import org.releaseauditor.service.trajectories.TrajectoriesLane;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
import org.releaseauditor.service.trajectories.TrajectoryReport;
import org.releaseauditor.ui.charts.ChartTheme;
import org.releaseauditor.ui.charts.VerdictStyles;

/**
 * Issue 13: the unicity chart's point for each number of known points has the verdict colour of
 * {@code unicity.N.fraction} / {@code ciHigh} under the chosen policy. Fixture as
 * TrajectoryCardVerdictTest: unicity with 2 points = 2/4 = 50 % (by hand). trajectory-unicity-10
 * (≤ 10 %) FAILs it; a policy allowing 60 % passes it; a policy on something else leaves it neutral
 * (the series colour).
 */
class TrajectoryChartVerdictTest {
    @TempDir
    Path dir;

    @Test
    void theUnicityPointFollowsThePolicy() throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        Path f = dir.resolve("events.csv");
        Files.writeString(f, String.join("\n", "pseudonym,timestamp,cell,lat,lon,age_band",
                "u1,2025-03-03T08:10:00,A,52.00,10.00,30-39", "u1,2025-03-03T09:10:00,B,52.10,10.10,30-39",
                "u2,2025-03-03T08:20:00,A,52.00,10.00,40-49", "u2,2025-03-03T09:20:00,C,52.00,10.10,40-49",
                "u3,2025-03-03T08:30:00,D,52.10,10.00,30-39", "u4,2025-03-03T08:40:00,A,52.00,10.00,50-59",
                "u4,2025-03-03T09:40:00,B,52.10,10.10,50-59") + "\n", StandardCharsets.UTF_8);
        TrajectorySettingsViewModel s = new TrajectorySettingsViewModel();
        s.setColumns(List.of("pseudonym", "timestamp", "cell", "lat", "lon", "age_band"));
        s.fileProperty().set(f);
        s.minPointsProperty().set(2);
        s.maxPointsProperty().set(2);
        LaneCall<TrajectoriesRequest> call = s.toRequest();
        LaneResult<TrajectoriesRequest, TrajectoryReport> lr = new TrajectoriesLane().analyze(call.request(),
                TrajectoryDashboardViewModel.inputs(call), ProgressMonitor.none());
        VerdictService vs = new VerdictService();
        Verdict strict = vs.verdict(vs.defaultPolicy("trajectories").orElseThrow(), lr, Locale.ENGLISH);
        Verdict lenient = vs.verdict(new PolicyProfile("lenient", "1", "Lenient", "", "", List.of(
                new PolicyRule("unicity.*.fraction", Operator.LE, 0.6, Severity.FAIL, ""))), lr, Locale.ENGLISH);
        Verdict other = vs.verdict(new PolicyProfile("other", "1", "Other", "", "", List.of(
                new PolicyRule("users", Operator.GE, 1, Severity.FAIL, ""))), lr, Locale.ENGLISH);

        assertEquals(VerdictStatus.FAIL, TrajectoryCharts.unicityStatus(strict, 0), "50 % > 10 %");
        assertEquals(VerdictStatus.PASS, TrajectoryCharts.unicityStatus(lenient, 0), "50 % <= 60 %");
        assertEquals(VerdictStatus.NOT_JUDGED, TrajectoryCharts.unicityStatus(other, 0));
        JFreeChart c = TrajectoryCharts.unicity(lr.output(), strict);
        assertEquals(VerdictStyles.chartPaint(VerdictStatus.FAIL), c.getXYPlot().getRenderer().getItemPaint(0, 0));
        c = TrajectoryCharts.unicity(lr.output(), lenient);
        assertEquals(VerdictStyles.chartPaint(VerdictStatus.PASS), c.getXYPlot().getRenderer().getItemPaint(0, 0));
        c = TrajectoryCharts.unicity(lr.output(), other);
        assertEquals(ChartTheme.SERIES[0], c.getXYPlot().getRenderer().getItemPaint(0, 0), "not judged: series colour");
    }
}
