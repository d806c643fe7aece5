package org.releaseauditor.service;

/** The application (engine) version, recorded with every analysis run. */
public final class AppVersion {
    private AppVersion() {
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    public static String get() {
        String v = AppVersion.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-dev";
    }
}
