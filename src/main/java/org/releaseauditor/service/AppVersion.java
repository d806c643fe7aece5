package org.releaseauditor.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The application (engine) version, recorded with every analysis run and printed by
 * {@code --version}. It comes from one place, the project version in {@code pom.xml}, through the
 * filtered resource {@code org/releaseauditor/version.properties}, so the CLI, the GUI, case files
 * and the installers (which read it from the jar manifest) always agree.
 */
public final class AppVersion {
    private static final String VERSION = load();

    private AppVersion() {
    }

    /** The project version, e.g. {@code 0.2.0}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = AppVersion.class.getResourceAsStream("/org/releaseauditor/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").strip();
                if (!v.isEmpty() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String v = AppVersion.class.getPackage().getImplementationVersion();
        return v != null ? v : "unknown";
    }
}
