package org.releaseauditor.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.service.policy.VerdictService;
import org.releaseauditor.ui.fx.DialogService;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13: the policy chooser lists the built-in policies of its lane with their names in words
 * (English and German), the lane's default first and selected, and "Load policy file…" last; it
 * follows the view model's policy property both ways; a bad policy file is refused with its error
 * in words (file, line, what was expected) and the policy in force stays.
 */
@ExtendWith(ApplicationExtension.class)
class PolicyChooserTest {
    @TempDir
    Path dir;

    /** Records errors; answers the file chooser with {@link #next}. */
    static final class Dialogs implements DialogService {
        final List<String> errors = new ArrayList<>();
        Path next;

        @Override
        public void showError(String title, String message, Throwable details) {
            errors.add(title + ": " + message);
        }

        @Override
        public void showInfo(String title, String message) {
        }

        @Override
        public boolean confirm(String title, String message) {
            return false;
        }

        @Override
        public void notify(String message) {
        }

        @Override
        public Optional<String> choose(String title, String message, List<String> options) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, Path initialFolder, List<String> ext) {
            return Optional.ofNullable(next);
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, Path initialFolder, String initialName) {
            return Optional.empty();
        }
    }

    @Start
    void start(Stage stage) {
    }

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private PolicyChooser chooser(String lane, Dialogs d, SimpleObjectProperty<PolicyProfile> policy) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> new PolicyChooser(lane, d, new VerdictService(), policy,
                new ReadOnlyObjectWrapper<Verdict>())).get(30, TimeUnit.SECONDS);
    }

    private static List<String> names(PolicyChooser c) {
        return c.comboBox().getItems().stream().map(x -> c.comboBox().getConverter().toString(x)).toList();
    }

    @Test
    void eachLaneListsItsPoliciesInWordsWithTheDefaultSelected() throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        VerdictService vs = new VerdictService();
        String[][] lanes = {
            {"microdata", "ARX defaults (arx-defaults 1.0)", "Public release, clinical style (public-release-clinical 1.0)",
                "Minimum group 5 (min-group-5 1.0)"},
            {"aggregates", "Minimum cell 10 (min-cell-10 1.1)", "ACRO defaults (acro-defaults 1.0)"},
            {"trajectories", "Trajectories: at most 10 % singled out (trajectory-unicity-10 1.0)"},
            {"evaluation", "Residual risk at most 5 % (evaluation-residual-risk 1.1)"}};
        for (String[] lane : lanes) {
            SimpleObjectProperty<PolicyProfile> p = new SimpleObjectProperty<>(vs.defaultPolicy(lane[0]).orElseThrow());
            PolicyChooser c = chooser(lane[0], new Dialogs(), p);
            List<String> expected = new ArrayList<>(List.of(lane).subList(1, lane.length));
            expected.add("Load policy file\u2026");
            assertEquals(expected, names(c), lane[0]);
            assertEquals(vs.defaultPolicy(lane[0]).orElseThrow().id(), c.comboBox().getValue().policy().id(),
                    "the lane's default (from the service layer) is selected");
            assertEquals(Messages.get("policy.chooser.result.noResult"), c.resultLabel().getText());
        }
        Messages.setLocale(Locale.GERMAN);
        PolicyChooser de = chooser("microdata", new Dialogs(),
                new SimpleObjectProperty<>(vs.defaultPolicy("microdata").orElseThrow()));
        assertEquals(List.of("ARX-Standardwerte (arx-defaults 1.0)",
                "Öffentliche Freigabe, klinischer Standard (public-release-clinical 1.0)",
                "Mindestgruppe 5 (min-group-5 1.0)", "Richtlinie aus Datei laden\u2026"), names(de));
    }

    @Test
    void choosingSetsThePolicyAndAFileJoinsTheList() throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        VerdictService vs = new VerdictService();
        SimpleObjectProperty<PolicyProfile> p = new SimpleObjectProperty<>(vs.defaultPolicy("microdata").orElseThrow());
        Dialogs d = new Dialogs();
        PolicyChooser c = chooser("microdata", d, p);
        WaitForAsyncUtils.asyncFx(() -> {
            c.comboBox().getSelectionModel().select(2);
            c.comboBox().getOnAction().handle(null);
        }).get(30, TimeUnit.SECONDS);
        assertEquals("min-group-5", p.get().id());
        // the file chooser path: "Load policy file…" asks for a file, loads it and selects it
        d.next = Path.of("src/test/resources/policies/strict-k-10.json");
        WaitForAsyncUtils.asyncFx(() -> {
            c.comboBox().getSelectionModel().select(3);
            c.comboBox().getOnAction().handle(null);
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("strict-k-10", p.get().id());
        assertEquals("strict-k-10", c.comboBox().getValue().policy().id());
        assertEquals("Load policy file\u2026", names(c).get(names(c).size() - 1));
        // the view model's property drives the chooser too
        PolicyProfile arx = vs.policiesFor("microdata").get(0);
        WaitForAsyncUtils.asyncFx(() -> p.set(arx)).get(30, TimeUnit.SECONDS);
        assertEquals("arx-defaults", c.comboBox().getValue().policy().id());
        assertTrue(d.errors.isEmpty(), d.errors.toString());
    }

    @Test
    void aBadFileIsRefusedInWordsAndThePolicyStays() throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        VerdictService vs = new VerdictService();
        SimpleObjectProperty<PolicyProfile> p = new SimpleObjectProperty<>(vs.defaultPolicy("microdata").orElseThrow());
        Dialogs d = new Dialogs();
        PolicyChooser c = chooser("microdata", d, p);
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{\n  \"schemaVersion\": 1,\n  \"id\": \"x\",\n  \"rules\": [ {\"metric\": \"k\", }\n}\n");
        boolean[] ok = new boolean[1];
        WaitForAsyncUtils.asyncFx(() -> ok[0] = c.load(bad)).get(30, TimeUnit.SECONDS);
        assertFalse(ok[0]);
        assertEquals("arx-defaults", p.get().id(), "the policy in force stays");
        assertEquals("arx-defaults", c.comboBox().getValue().policy().id());
        assertEquals(1, d.errors.size());
        String e = d.errors.get(0);
        assertTrue(e.startsWith("The policy file broken.json cannot be used: Policy file "), e);
        assertTrue(e.contains("line 4"), "names the line: " + e);
        assertFalse(e.contains("Exception"), "no stack trace or class name: " + e);
        assertNull(c.comboBox().getItems().stream().filter(x -> !x.loader() && x.policy().id().equals("x"))
                .findFirst().orElse(null), "a refused file does not join the list");
    }
}
