package org.releaseauditor.core.remediation;

import java.util.List;
import java.util.Map;

/**
 * A transformation that remediation applies to a copy of a release: what a decision's condition
 * records, in machine-readable form. Each lane has its own kind.
 */
public sealed interface Transformation {

    /** The lane: microdata, trajectories or aggregates. */
    String lane();

    /**
     * Microdata: each quasi-identifier generalised to a level of its hierarchy, then the records
     * of every class smaller than {@code suppressBelow} suppressed ({@code *} in every QI).
     *
     * @param levels            QI → level (0 = original), in QI order
     * @param hierarchies       QI → hierarchy source (file and SHA-256, or builder and parameters)
     * @param suppressBelow     classes smaller than this are suppressed (0: none)
     * @param suppressedRecords records suppressed by that rule
     * @param dropped           columns left out of the copy (direct identifiers, for example), in file order
     */
    record Microdata(Map<String, Integer> levels, Map<String, String> hierarchies, long suppressBelow,
                     long suppressedRecords, List<String> dropped) implements Transformation {
        public Microdata {
            levels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(levels));
            hierarchies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hierarchies));
            dropped = List.copyOf(dropped == null ? List.of() : dropped);
        }

        /** A transformation that keeps every column. */
        public Microdata(Map<String, Integer> levels, Map<String, String> hierarchies, long suppressBelow,
                         long suppressedRecords) {
            this(levels, hierarchies, suppressBelow, suppressedRecords, List.of());
        }

        /** The same transformation with these columns left out of the copy. */
        public Microdata withDropped(List<String> columns) {
            return new Microdata(levels, hierarchies, suppressBelow, suppressedRecords, columns);
        }

        @Override
        public String lane() {
            return "microdata";
        }
    }

    /**
     * Trajectories: locations generalised to areas, times to the start of their bin, and at most
     * {@code eventsPerUser} events kept per user (chosen with {@code seed}).
     *
     * @param spatial       spatial resolution label (none, grid:2km, geohash:5, map:FILE)
     * @param temporal      temporal resolution label (1h, 4h, 1d, none)
     * @param eventsPerUser the cap, or null for all events
     * @param seed          the seed of the per-user choice
     */
    record Trajectories(String spatial, String temporal, Integer eventsPerUser, long seed) implements Transformation {
        @Override
        public String lane() {
            return "trajectories";
        }
    }

    /**
     * Aggregates: cells withheld, each with its reason ({@code primary:threshold}, …,
     * {@code secondary}).
     *
     * @param withheld  table → cells (keys joined by |) → reason
     * @param objective what the secondary suppression minimised (TOTAL or CELLS)
     * @param token     what a withheld count is written as in the copy
     */
    record Aggregates(Map<String, List<Cell>> withheld, String objective, String token) implements Transformation {
        public Aggregates {
            withheld = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(withheld));
        }

        @Override
        public String lane() {
            return "aggregates";
        }

        /** One withheld cell: its key (values joined by |), its row in the table file, and why. */
        public record Cell(String key, int row, String reason) {
        }
    }

    /**
     * Aggregates, coarser dimensions: table dimensions summed up to a coarser level of their
     * hierarchy (the copy publishes the sums).
     *
     * @param levels the coarsened dimensions, in table order
     */
    record AggregatesCoarsened(List<Level> levels) implements Transformation {
        public AggregatesCoarsened {
            levels = List.copyOf(levels);
        }

        @Override
        public String lane() {
            return "aggregates";
        }

        /** One dimension of one table, from the level it was published at to the coarser one. */
        public record Level(String table, String dimension, String from, String to) {
        }
    }

    /**
     * Aggregates, rounding: every interior cell rounded conventionally (half up) to a multiple of
     * {@code base}, every margin recomputed as the sum of its rounded parts.
     *
     * @param base   the rounding base
     * @param tables the tables rounded
     */
    record AggregatesRounded(int base, List<String> tables) implements Transformation {
        /** How the cells are rounded, as the condition states it. */
        public static final String RULE = "every interior cell x published as base * floor((x + base/2) / base) "
                + "(conventional rounding, half up)";
        /** How the margins are made, as the condition states it. */
        public static final String MARGINS = "recomputed: every margin is the sum of its rounded parts";

        public AggregatesRounded {
            tables = List.copyOf(tables);
        }

        @Override
        public String lane() {
            return "aggregates";
        }
    }
}
