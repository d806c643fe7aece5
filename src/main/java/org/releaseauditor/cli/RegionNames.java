package org.releaseauditor.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.risk.PopulationRegion;

/** Parses region names given on the command line (case-insensitive, '-' or '_' or space). */
final class RegionNames {
    private RegionNames() {
    }

    static PopulationRegion parse(String s) throws ConfigurationException {
        String norm = s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (norm.equals("GERMANY") || norm.equals("DE")) {
            norm = "GERMANY";
        }
        for (PopulationRegion r : PopulationRegion.values()) {
            if (r.name().equals(norm) || r.toString().toUpperCase(Locale.ROOT).replace(' ', '_').equals(norm)) {
                return r;
            }
        }
        String all = Arrays.stream(PopulationRegion.values()).map(r -> r.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new ConfigurationException("cli.error.region", s, all);
    }
}
