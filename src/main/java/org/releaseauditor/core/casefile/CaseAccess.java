package org.releaseauditor.core.casefile;

/** How a case file was opened. */
public enum CaseAccess {
    /** This instance holds the write lock. */
    READ_WRITE,
    /** Opened read-only on request (e.g. a regulator). */
    READ_ONLY_REQUESTED,
    /** Another instance holds the write lock, so this one reads only. */
    READ_ONLY_LOCKED,
    /** The file or its folder is not writable. */
    READ_ONLY_NOT_WRITABLE
}
