package org.releaseauditor.core.risk;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.releaseauditor.core.error.ConfigurationException;

/** Parses region names given on the command line (case-insensitive, '-' or '_' or space). */
public final class Regions {
    private Regions() {
    }

    /**
     * Parses a region name given by a user: its id ({@code north-america}) or its display name
     * ({@code European Union}, {@code China (PRC)}), case-insensitive, with '-', '_' or space.
     */
    public static PopulationRegion parse(String s) throws ConfigurationException {
        String norm = s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (norm.equals("GERMANY") || norm.equals("DE")) {
            norm = "GERMANY";
        }
        for (PopulationRegion r : PopulationRegion.values()) {
            if (r.name().equals(norm)
                    || r.displayName().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_').equals(norm)) {
                return r;
            }
        }
        String all = Arrays.stream(PopulationRegion.values()).map(r -> r.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new ConfigurationException("cli.error.region", s, all);
    }
}
