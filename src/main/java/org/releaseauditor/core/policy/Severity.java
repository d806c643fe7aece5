package org.releaseauditor.core.policy;

/** What a violated rule means: the release fails, or the auditor is warned. */
public enum Severity {
    FAIL,
    WARN
}
