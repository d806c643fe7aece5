package org.releaseauditor.core.casefile;

/**
 * One checked item of {@code verify}.
 *
 * @param kind    what was checked: {@code chain}, {@code row}, {@code file}
 * @param subject which item (e.g. "event log", "dataset 2 (/data/a.csv)")
 * @param ok      whether it holds
 * @param detail  what is wrong (or a short confirmation)
 */
public record VerificationItem(String kind, String subject, boolean ok, String detail) {
}
