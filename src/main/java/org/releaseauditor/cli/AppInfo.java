package org.releaseauditor.cli;

/** Application name and version for the CLI. */
final class AppInfo {
    private AppInfo() {
    }

    static String version() {
        return org.releaseauditor.service.AppVersion.get();
    }
}
