package org.releaseauditor.ui.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UI preferences (window geometry, last folder, recent files, language) in
 * {@code java.util.prefs}, node {@code /org/releaseauditor}. Settings that affect a verdict are
 * NOT stored here: they belong to the policy profile and the case file.
 */
public final class UiPreferences {
    private static final Logger LOGGER = LoggerFactory.getLogger(UiPreferences.class);
    private static final int MAX_RECENT = 8;
    private final Preferences node;

    public UiPreferences() {
        this(Preferences.userRoot().node("/org/releaseauditor"));
    }

    public UiPreferences(Preferences node) {
        this.node = node;
    }

    /** Window bounds, or empty when never stored. */
    public Optional<double[]> windowBounds() {
        double w = node.getDouble("window.width", -1);
        if (w <= 0) {
            return Optional.empty();
        }
        return Optional.of(new double[] {node.getDouble("window.x", 0), node.getDouble("window.y", 0), w,
            node.getDouble("window.height", 800)});
    }

    public void setWindowBounds(double x, double y, double width, double height) {
        node.putDouble("window.x", x);
        node.putDouble("window.y", y);
        node.putDouble("window.width", width);
        node.putDouble("window.height", height);
    }

    public boolean maximized() {
        return node.getBoolean("window.maximized", false);
    }

    public void setMaximized(boolean value) {
        node.putBoolean("window.maximized", value);
    }

    public Optional<Path> lastFolder() {
        String s = node.get("lastFolder", null);
        if (s == null) {
            return Optional.empty();
        }
        Path p = Path.of(s);
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }

    public void setLastFolder(Path folder) {
        node.put("lastFolder", folder.toAbsolutePath().toString());
    }

    public List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String s = node.get("recent." + i, null);
            if (s != null) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    public void addRecentFile(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> list = recentFiles();
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                node.put("recent." + i, list.get(i).toString());
            } else {
                node.remove("recent." + i);
            }
        }
    }

    /** The chosen language, or empty to follow the system locale. */
    public Optional<Locale> language() {
        String tag = node.get("language", null);
        return tag == null ? Optional.empty() : Optional.of(Locale.forLanguageTag(tag));
    }

    public void setLanguage(Locale locale) {
        node.put("language", locale.toLanguageTag());
    }

    /**
     * The name this user decides under: the one given in their last decision, else the operating
     * system's user name. Never a case's recorded auditor (the person deciding now may be another).
     */
    public String auditorName() {
        String n = node.get("auditor", null);
        return n != null && !n.isBlank() ? n : System.getProperty("user.name", "");
    }

    public void setAuditorName(String name) {
        if (name != null && !name.isBlank()) {
            node.put("auditor", name.strip());
        }
    }

    /**
     * Whether the first start is over: the guided tour was finished or skipped with "Don't show
     * again" ticked. While false, a start without arguments opens the demo case with the tour.
     */
    public boolean firstStartDone() {
        return node.getBoolean("start.firstStartDone", false);
    }

    public void setFirstStartDone(boolean done) {
        node.putBoolean("start.firstStartDone", done);
    }

    /** The case that was open when the app last closed (reopened at the next start), or empty. */
    public Optional<Path> lastCase() {
        String s = node.get("start.lastCase", null);
        return s == null ? Optional.empty() : Optional.of(Path.of(s));
    }

    /** Whether the last case was open read-only (it is reopened so). */
    public boolean lastCaseReadOnly() {
        return node.getBoolean("start.lastCaseReadOnly", false);
    }

    /** Records the open case ({@code null}: none is open) and whether it is open read-only. */
    public void setLastCase(Path file, boolean readOnly) {
        if (file == null) {
            node.remove("start.lastCase");
            node.remove("start.lastCaseReadOnly");
        } else {
            node.put("start.lastCase", file.toAbsolutePath().normalize().toString());
            node.putBoolean("start.lastCaseReadOnly", readOnly);
        }
    }

    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOGGER.warn("Could not save preferences: {}", e.getMessage());
        }
    }
}
