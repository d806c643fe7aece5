package org.releaseauditor.ui.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.service.remediation.MicrodataRemediationService;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.fx.Debouncer;
import org.releaseauditor.ui.fx.UiPreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The microdata What-if panel's view model on the synthetic customers: the panel finds the same
 * least change as {@code remediate microdata} on the same options (README: age and postcode area
 * one level up, 99 records suppressed, k = 5) and saves the copy with its SHA-256.
 */
@ExtendWith(ApplicationExtension.class)
class MicrodataWhatIfViewModelTest {
    static final Path CUSTOMERS = Path.of("sample-datasets", "microdata", "customers.csv");

    @TempDir
    Path dir;
    private AppContext ctx;

    @Start
    void start(Stage stage) {
        Messages.setLocale(Locale.ENGLISH);
        ctx = new AppContext(new UiPreferences(Preferences.userRoot().node("/org/releaseauditor-test/whatif-micro")));
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    private static CompareCard card(MicrodataWhatIfViewModel vm, String id) {
        return vm.cards().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void findLeastChangeMatchesTheCommandAndTheCopyIsSaved(FxRobot robot) throws Exception {
        LaneCall<MicrodataRequest> call = MicrodataRequest.builder()
                .quasiIdentifiers(List.of("age", "gender", "postcode_area")).suda(false).data(CUSTOMERS.toString())
                .buildCall();
        LaneResult<MicrodataRequest, MicrodataAnalysis> r = ctx.microdataLane().analyze(call.request(),
                LaneInputs.builder().put(MicrodataRequest.DATA, CUSTOMERS).build(), ProgressMonitor.none());
        MicrodataWhatIfViewModel[] vm = new MicrodataWhatIfViewModel[1];
        robot.interact(() -> {
            vm[0] = new MicrodataWhatIfViewModel(new MicrodataRemediationService(ctx.microdataLane(),
                    ctx.datasetService()), ctx.tasks(), Debouncer.immediate());
            vm[0].sourceProperty().set(r);
            vm[0].activeProperty().set(true);
        });
        MicrodataWhatIfViewModel v = vm[0];
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> v.previewProperty().get() != null
                && !v.busyProperty().get());
        assertEquals("min-group-5", v.policyProperty().get().ref());
        assertEquals(List.of(0, 0, 0), v.currentLevels(), "the sliders start at the data as submitted");
        assertEquals("1", card(v, "whatIfK").before());
        assertEquals("FAIL", card(v, "whatIfPolicy").before());
        robot.interact(v::findLeastChange);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !v.searchingProperty().get()
                && v.searchProperty().get() != null && !v.busyProperty().get()
                && v.previewProperty().get().evaluation().node().levels().equals(v.currentLevels()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(1, 0, 1), v.currentLevels());
        assertEquals("5", card(v, "whatIfK").after());
        assertEquals("99", card(v, "whatIfSuppressed").after());
        assertEquals("PASS", card(v, "whatIfPolicy").after());
        Path copy = dir.resolve("customers_remediated.csv");
        robot.interact(() -> v.save(copy));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> v.savedProperty().get() != null);
        assertTrue(v.savedProperty().get().passed());
        // the same copy as the command line's (README): same bytes, same SHA-256
        assertEquals("f11959d6277f56e4820b0f25c54811e0460881ed19122cdb1bad351d26573aef", v.savedSha());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(copy))),
                v.savedSha());
    }
}
