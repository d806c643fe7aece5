package org.releaseauditor.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The installed desktop entry and the running window belong together (issue 14): the window has
 * the application icon, and the entry's StartupWMClass is the WM_CLASS JavaFX gives the window on
 * Linux, which is the Application subclass's name (checked with xprop under Xvfb).
 */
class DesktopIntegrationTest {

    @Test
    void desktopEntryNamesTheWindowClassOfTheApp() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("installer/linux/release-auditor.desktop"),
                StandardCharsets.UTF_8);
        assertTrue(lines.contains("StartupWMClass=" + AuditorApp.class.getName()), lines.toString());
    }

    @Test
    void windowIconIsInTheJarAndIsTheInstallersIcon() throws Exception {
        assertNotNull(AuditorApp.class.getResource("/org/releaseauditor/ui/release-auditor.png"));
        String script = Files.readString(Path.of("installer/build-installer.sh"), StandardCharsets.UTF_8);
        assertTrue(script.contains("--icon src/main/resources/org/releaseauditor/ui/release-auditor.png"));
    }
}
