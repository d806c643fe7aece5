package org.releaseauditor.ui.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.trajectory.AttackType;
import org.releaseauditor.core.trajectory.HomeWork;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.trajectories.TrajectoriesLane;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
import org.releaseauditor.service.trajectories.TrajectoryReport;
import org.releaseauditor.ui.risk.CardData;
import org.releaseauditor.ui.trajectory.TrajectoryDashboardViewModel.AreaGrid;
import org.releaseauditor.ui.trajectory.TrajectorySettingsViewModel.LocationMode;
import org.releaseauditor.ui.trajectory.TrajectorySettingsViewModel.SpatialKind;

/** Settings → request, validation and chart/table data of the trajectory dashboard, without the toolkit. */
class TrajectoryViewModelTest {
    @TempDir
    Path dir;
    private TrajectorySettingsViewModel s;

    @BeforeEach
    void setUp() {
        Messages.setLocale(Locale.ENGLISH);
        s = new TrajectorySettingsViewModel();
    }

    /**
     * Four users, 1 h bins, no spatial generalisation: u1 and u4 share both points (A@8h, B@9h), u2
     * has A@8h and C@9h, u3 only D@8h. With p = 2 (all points) u2 and u3 are unique, u1 and u4 are
     * not: unicity 2/4 = 0.5 exactly.
     */
    private Path events() throws IOException {
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
        return f;
    }

    private void choose(Path file) {
        s.setColumns(List.of("pseudonym", "timestamp", "cell", "lat", "lon", "age_band"));
        s.fileProperty().set(file);
    }

    @Test
    void headerGuessesUserTimeLocationAndCoordinatesAndOffersTheRestAsAttributes() {
        s.setColumns(List.of("pseudonym", "timestamp", "cell", "lat", "lon", "age_band", "gender"));
        assertEquals("pseudonym", s.userProperty().get());
        assertEquals("timestamp", s.timeProperty().get());
        assertEquals("cell", s.locationProperty().get());
        assertEquals("lat", s.latProperty().get());
        assertEquals("lon", s.lngProperty().get());
        assertEquals(LocationMode.LOCATION, s.locationModeProperty().get());
        assertEquals(List.of("age_band", "gender"),
                s.attributes().stream().map(TrajectorySettingsViewModel.AttributeChoice::column).toList());
    }

    @Test
    void coordinatesOnlyFileSwitchesToLatLng() {
        s.setColumns(List.of("uid", "time", "latitude", "longitude"));
        assertNull(s.locationProperty().get());
        assertEquals(LocationMode.COORDINATES, s.locationModeProperty().get());
    }

    @Test
    void settingsBecomeTheServiceRequest() throws Exception {
        Path f = events();
        choose(f);
        s.attributes().get(0).selectedProperty().set(true);
        s.attack(AttackType.LOCATION).selectedProperty().set(true);
        s.attack(AttackType.LOCATION).kProperty().set(3);
        s.attack(AttackType.HOME_WORK).selectedProperty().set(true);
        s.temporalProperty().set(" 4h ");
        s.minPointsProperty().set(2);
        s.maxPointsProperty().set(4);
        s.sampleUsersProperty().set(100);
        s.seedProperty().set(7);
        s.sweepSpatialProperty().set("none, ,map:x.csv");
        s.sweepTemporalProperty().set("1h,1d");
        s.nightFromProperty().set(22);
        LaneCall<TrajectoriesRequest> call = s.toRequest();
        TrajectoriesRequest r = call.request();
        assertEquals(f.toString(), call.inputs().get(TrajectoriesRequest.EVENTS));
        assertEquals("x.csv", call.inputs().get(TrajectoriesRequest.AREA_MAP), "map:FILE becomes the areaMap input");
        assertEquals("pseudonym", r.user());
        assertEquals("cell", r.location());
        assertEquals("lat", r.lat(), "coordinate columns place location ids on the area map");
        assertEquals(List.of("age_band"), r.attributes());
        assertEquals("none", r.spatial());
        assertEquals("4h", r.temporal());
        assertEquals(2, r.minPoints());
        assertEquals(4, r.maxPoints());
        assertEquals(100, r.sampleUsers());
        assertEquals(7, r.seed());
        assertEquals(List.of(new TrajectoriesRequest.Attack(AttackType.LOCATION, 3),
                new TrajectoriesRequest.Attack(AttackType.HOME_WORK, 2)), r.attacks());
        assertEquals(List.of("none", "map"), r.sweepSpatial());
        assertEquals(List.of("1h", "1d"), r.sweepTemporal());
        assertEquals(new HomeWork(22, 7, 9, 17), r.homeWork());
        assertEquals(3, r.topN());
        s.homeWorkOnProperty().set(false);
        assertNull(s.toRequest().request().homeWork());
    }

    @ParameterizedTest
    @CsvSource({"GRID, 250, grid:250m", "GEOHASH, 7, geohash:7", "NONE, 0, none"})
    void spatialSpecOfTheCoordinateModes(SpatialKind kind, int value, String spec) throws Exception {
        choose(events());
        s.locationModeProperty().set(LocationMode.COORDINATES);
        s.spatialKindProperty().set(kind);
        s.gridMetresProperty().set(value);
        s.geohashPrecisionProperty().set(value);
        TrajectoriesRequest r = s.toRequest().request();
        assertEquals(spec, r.spatial());
        assertEquals("lat", r.lat());
        assertEquals("lon", r.lng());
        assertNull(r.location());
    }

    @Test
    void invalidSettingsExplainWhatIsWrongAndBuildNoRequest() throws Exception {
        assertTrue(s.validate().isEmpty());
        assertEquals(Messages.get("uitraj.error.noFile"), s.validationProperty().get());
        choose(events());
        assertTrue(s.validate().isPresent());
        assertEquals("", s.validationProperty().get());
        s.spatialKindProperty().set(SpatialKind.GRID);
        assertTrue(s.validate().isPresent(), "location ids with coordinate columns can be put on a grid");
        s.latProperty().set(null);
        assertTrue(s.validate().isEmpty());
        assertTrue(s.validationProperty().get().contains("coordinates"), s.validationProperty().get());
        s.latProperty().set("lat");
        s.spatialKindProperty().set(SpatialKind.MAP);
        assertTrue(s.validate().isEmpty());
        s.spatialKindProperty().set(SpatialKind.NONE);
        s.zoneProperty().set("Mars/Olympus");
        assertTrue(s.validate().isEmpty());
        assertTrue(s.validationProperty().get().contains("Mars/Olympus"));
        s.zoneProperty().set("Europe/Berlin");
        s.maxPointsProperty().set(0);
        ConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class,
                s::toRequest);
        assertEquals("trajectory.error.badPoints", e.messageKey());
        s.maxPointsProperty().set(5);
        s.timeProperty().set(null);
        assertFalse(s.validate().isPresent());
        assertEquals(Messages.get("uitraj.error.noUserTime"), s.validationProperty().get());
    }

    private TrajectoryReport analyse(LaneCall<TrajectoriesRequest> call) throws Exception {
        return new TrajectoriesLane().analyze(call.request(), TrajectoryDashboardViewModel.inputs(call),
                ProgressMonitor.none()).output();
    }

    @Test
    void unicityChartTableAndCardShowTheKnownAnswer() throws Exception {
        choose(events());
        s.minPointsProperty().set(2);
        s.maxPointsProperty().set(2);
        s.attack(AttackType.LOCATION).selectedProperty().set(true);
        TrajectoryReport r = analyse(s.toRequest());
        assertEquals(0.5, TrajectoryDashboardViewModel.unicityAt(r, 2).fraction(), 1e-12);
        assertEquals("0.5000", TrajectoryDashboardViewModel.fraction(r.unicity().row(2).fraction()));
        YIntervalSeriesCollection band = TrajectoryCharts.unicityData(r);
        assertEquals(1, band.getItemCount(0));
        assertEquals(2.0, band.getXValue(0, 0));
        assertEquals(0.5, band.getYValue(0, 0), 1e-12);
        assertEquals(r.unicity().row(2).ciLow(), band.getStartYValue(0, 0), 1e-12);
        assertEquals(r.unicity().row(2).ciHigh(), band.getEndYValue(0, 0), 1e-12);
        assertTrue(band.getStartYValue(0, 0) < 0.5 && band.getEndYValue(0, 0) > 0.5);
        List<CardData> cards = TrajectoryDashboardViewModel.cards(r, null);
        CardData eps = cards.stream().filter(c -> c.id().equals("trajCardUnicity")).findFirst().orElseThrow();
        assertEquals(Messages.get("uitraj.card.unicity", 2), eps.title());
        assertEquals("50.0 %", eps.value());
        assertEquals("4", cards.get(0).value());
        assertEquals("7", cards.get(1).value());
    }

    @Test
    void attackRowsAndHistogramSeriesFollowTheResults() throws Exception {
        choose(events());
        s.attack(AttackType.LOCATION).selectedProperty().set(true);
        s.attack(AttackType.LOCATION).kProperty().set(2);
        s.attack(AttackType.UNIQUE_LOCATION).selectedProperty().set(true);
        TrajectoryReport r = analyse(s.toRequest());
        List<TrajectoryDashboardViewModel.AttackRow> rows = TrajectoryDashboardViewModel.attackRows(r);
        assertEquals(2, rows.size());
        assertEquals("location", rows.get(0).attack());
        assertEquals(2, rows.get(0).k());
        assertEquals("exact", rows.get(0).mode());
        assertEquals(r.attacks().get(0).fractionRisk1(), rows.get(0).fractionRisk1());
        DefaultCategoryDataset ds = TrajectoryCharts.attackData(r);
        assertEquals(List.of("location k=2", "unique-location k=2"), ds.getRowKeys());
        assertEquals(10, ds.getColumnCount());
        int total = 0;
        for (int c = 0; c < 10; c++) {
            total += ds.getValue(0, c).intValue();
        }
        assertEquals(r.attacks().get(0).evaluatedUsers(), total);
        assertEquals("0.9\u20131.0", ds.getColumnKey(9));
    }

    @Test
    void areaMapIsBinnedNorthToSouthAndWestToEast() {
        List<TrajectoryReport.AreaCell> cells = List.of(
                new TrajectoryReport.AreaCell(52.0, 10.0, 3, 1, 4),
                new TrajectoryReport.AreaCell(52.1, 10.1, 2, 2, 4),
                new TrajectoryReport.AreaCell(52.0, 10.1, 1, 0, 4));
        AreaGrid g = TrajectoryDashboardViewModel.areaGrid(cells, 2);
        assertEquals(List.of("52.075", "52.025"), g.rowLabels());
        assertEquals(List.of("10.025", "10.075"), g.columnLabels());
        assertTrue(Double.isNaN(g.unique()[0][0]));
        assertEquals(2, g.unique()[0][1]);
        assertEquals(1, g.unique()[1][0]);
        assertEquals(0, g.unique()[1][1]);
        assertEquals(3, g.users()[1][0]);
        assertEquals(2, g.max());
        assertEquals(4, g.points());
        assertNull(TrajectoryDashboardViewModel.areaGrid(List.of(), 12));
    }

    @Test
    void coordinatesGiveAnAreaMapAndHomeWorkRows() throws Exception {
        choose(events());
        s.locationModeProperty().set(LocationMode.COORDINATES);
        s.minPointsProperty().set(2);
        s.maxPointsProperty().set(2);
        TrajectoryReport r = analyse(s.toRequest());
        AreaGrid g = TrajectoryDashboardViewModel.areaGrid(r.areaMap(), 12);
        double unique = 0;
        int users = 0;
        for (int i = 0; i < g.unique().length; i++) {
            for (int j = 0; j < g.unique()[i].length; j++) {
                unique += Double.isNaN(g.unique()[i][j]) ? 0 : g.unique()[i][j];
                users += g.users()[i][j];
            }
        }
        assertEquals(4, users);
        assertEquals(2, unique);
        List<TrajectoryDashboardViewModel.SetRow> sets = TrajectoryDashboardViewModel.homeWorkRows(r);
        assertEquals(1 + 3, sets.size());
        assertEquals(Messages.get("uitraj.topN.label", 1), sets.get(1).label());
    }
}
