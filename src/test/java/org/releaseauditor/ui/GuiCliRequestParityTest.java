package org.releaseauditor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.releaseauditor.cli.MicrodataOptions;
import org.releaseauditor.cli.TrajectoriesOptions;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.risk.PopulationRegion;
import org.releaseauditor.core.trajectory.AttackType;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
import org.releaseauditor.ui.risk.AttackerModelViewModel;
import org.releaseauditor.ui.risk.AttackerType;
import org.releaseauditor.ui.trajectory.TrajectorySettingsViewModel;
import picocli.CommandLine;

/**
 * The GUI's settings panels and the command line build the same lane request, byte for byte, from
 * the same settings (the aggregates panel is checked in AggregateDashboardViewModelTest). Both go
 * through the lane's request builder, so a default or a parsing rule cannot differ between them.
 */
class GuiCliRequestParityTest {

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static <T> T parse(T options, String... args) {
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void attackerModelPanelAndAnalyzeMicrodataOptions() throws Exception {
        AttackerModelViewModel vm = new AttackerModelViewModel();
        vm.setColumns(List.of("id", "age", "sex", "zip", "diagnosis", "w"), Map.of("id", AttributeRole.IDENTIFIER,
                "age", AttributeRole.QUASI_IDENTIFIER, "sex", AttributeRole.QUASI_IDENTIFIER,
                "diagnosis", AttributeRole.SENSITIVE, "w", AttributeRole.WEIGHT));
        vm.sensitive().stream().filter(c -> c.name().equals("diagnosis")).findFirst().orElseThrow()
                .orderedProperty().set(true);
        vm.attackerProperty().set(AttackerType.MARKETER);
        vm.thresholdTextProperty().set("0,09");
        vm.populationTextProperty().set("83 000 000");
        vm.fractionTextProperty().set("0.01");
        vm.regionProperty().set(PopulationRegion.values()[0]);
        vm.maxSubsetProperty().set(3);
        vm.wildcardsProperty().set(true);
        vm.snbVariantProperty().set(org.releaseauditor.core.risk.SnbVariant.CORRECTED);
        vm.riskMethodProperty().set(org.releaseauditor.core.risk.IndividualRiskMethod.EXACT);
        MicrodataRequest gui = vm.toRequest(ImportOptions.defaults().withDelimiter(';')).orElseThrow();

        LaneCall<MicrodataRequest> cli = parse(new MicrodataOptions(), "--data", "x.csv", "--qi", "age,sex",
                "--sensitive", "diagnosis:ordered", "--weight", "w", "--attacker", "marketer", "--threshold", "0.09",
                "--population", "83000000", "--sampling-fraction", "0.01", "--region",
                PopulationRegion.values()[0].name(), "--max-qi-subset", "3", "--wildcards", "--snb-variant", "corrected",
                "--individual-risk-method", "exact", "--delimiter", ";")
                .build(null);
        assertEquals(cli.request(), gui);
        assertEquals(cli.request().toJson(), gui.toJson());
        assertEquals(Map.of(MicrodataRequest.DATA, "x.csv"), cli.inputs());
    }

    @Test
    void trajectorySettingsPanelAndAnalyzeTrajectoriesOptions() throws Exception {
        TrajectorySettingsViewModel s = new TrajectorySettingsViewModel();
        s.setColumns(List.of("pseudonym", "timestamp", "cell", "lat", "lon", "age_band"));
        s.fileProperty().set(Path.of("events.csv"));
        s.attributes().get(0).selectedProperty().set(true);
        s.attack(AttackType.LOCATION).selectedProperty().set(true);
        s.attack(AttackType.LOCATION).kProperty().set(3);
        s.attack(AttackType.HOME_WORK).selectedProperty().set(true);
        s.temporalProperty().set("4h");
        s.minPointsProperty().set(2);
        s.maxPointsProperty().set(4);
        s.sampleUsersProperty().set(100);
        s.seedProperty().set(7);
        s.sweepSpatialProperty().set("none,grid:2km");
        s.sweepTemporalProperty().set("1h,1d");
        s.nightFromProperty().set(22);
        s.spatialKindProperty().set(TrajectorySettingsViewModel.SpatialKind.GRID);
        s.gridMetresProperty().set(500);
        LaneCall<TrajectoriesRequest> gui = s.toRequest();

        LaneCall<TrajectoriesRequest> cli = parse(new TrajectoriesOptions(), "--data", "events.csv", "--user",
                "pseudonym", "--time", "timestamp", "--location", "cell", "--lat", "lat", "--lng", "lon",
                "--attributes", "age_band", "--attacks", "location:3,home-work", "--temporal", "4h", "--points", "2..4",
                "--sample-users", "100", "--seed", "7", "--sweep", "spatial=none,grid:2km;temporal=1h,1d",
                "--home-work", "22-7,9-17", "--spatial", "grid:500m").build(null);
        assertEquals(cli.request(), gui.request());
        assertEquals(cli.request().toJson(), gui.request().toJson());
        assertEquals(cli.inputs(), gui.inputs());
    }
}
