package org.releaseauditor.core.catalogue;

/** How a metric's number is written: the catalogue's {@code unit} field. */
public enum MetricUnit {
    /** A whole number of things (records, cells, users): written with digit grouping. */
    COUNT,
    /** A share in [0, 1]: written as a percentage. */
    SHARE,
    /** A probability in [0, 1] (a risk): written as a decimal, e.g. 0.09. */
    RISK,
    /** Any other number. */
    NUMBER,
    /** Not a number: a text, a flag, a list or a group of other keys. */
    NONE
}
