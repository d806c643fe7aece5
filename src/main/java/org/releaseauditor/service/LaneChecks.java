package org.releaseauditor.service;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.ColumnLookup;
import org.releaseauditor.core.model.ColumnType;

/** Checks shared by the lanes' {@link Lane#validate} (header look-ups, input roles). */
public final class LaneChecks {

    private LaneChecks() {
    }

    /** Every name is a column of the header, each named once; else a usage error with a did-you-mean. */
    public static void columns(DatasetService.Header header, Collection<String> names, String option)
            throws ConfigurationException {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            column(header, n, option);
            if (!seen.add(n)) {
                throw new ConfigurationException("io.error.columnTwice", n, option);
            }
        }
    }

    /** The name is a column of the header (null passes); else a usage error with a did-you-mean. */
    public static void column(DatasetService.Header header, String name, String option)
            throws ConfigurationException {
        if (name != null && !header.names().contains(name)) {
            throw ColumnLookup.unknown(name, header.names(), option + " (" + header.file().getFileName() + ")");
        }
    }

    /** The column (if given) holds numbers in the first rows; else a usage error. */
    public static void numeric(DatasetService.Header header, String name, String option)
            throws ConfigurationException {
        if (name == null) {
            return;
        }
        column(header, name, option);
        ColumnType t = header.type(name);
        if (t != null && !t.isNumeric()) {
            throw new ConfigurationException("lane.error.notNumeric", name, header.file().getFileName(), option,
                    t.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Every input role is accepted by the lane; else a usage error naming the accepted roles. */
    public static void roles(LaneInputs inputs, String lane, Predicate<String> accepted, List<String> described)
            throws ConfigurationException {
        for (String role : inputs.roles().keySet()) {
            if (!accepted.test(role)) {
                throw new ConfigurationException("lane.error.unknownInput", role, lane, String.join(", ", described));
            }
        }
    }
}
