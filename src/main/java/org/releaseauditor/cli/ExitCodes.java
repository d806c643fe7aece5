package org.releaseauditor.cli;

/** Exit codes of the command line (STYLE.md §2.7), documented in the README. */
public final class ExitCodes {
    /** Success; every dataset passed its policy (or no policy was given). */
    public static final int OK = 0;
    /** The analysis ran, and at least one dataset fails its policy. */
    public static final int POLICY_FAILED = 1;
    /** Usage error: unknown option, missing argument, unknown column. */
    public static final int USAGE = 2;
    /**
     * Input or data error: unreadable or malformed file, broken case file, or an input too large
     * for the memory given to Java (the message names the -Xmx to use).
     */
    public static final int INPUT = 3;
    /** Internal error (a bug). */
    public static final int INTERNAL = 4;
    /** {@code case rerun}: a run was re-run on the same bytes and its results differ from the recorded ones. */
    public static final int RERUN_DIFFERS = 5;
    /** Cancelled by the user (Ctrl-C). */
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
