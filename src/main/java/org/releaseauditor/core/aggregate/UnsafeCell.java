package org.releaseauditor.core.aggregate;

import java.util.List;

/**
 * A published cell that fails a primary rule.
 *
 * @param table  the table name
 * @param index  the cell's row index in its table (for dashboards)
 * @param cell   the cell key (Total for margins)
 * @param rules  the rules that fired: {@code threshold}, {@code dominance}, {@code p-percent}
 * @param count  the raw (inverted) count
 * @param detail a one-line explanation with the numbers that made it fire
 */
public record UnsafeCell(String table, int index, List<String> cell, List<String> rules, double count,
        String detail) {
    public UnsafeCell {
        cell = List.copyOf(cell);
        rules = List.copyOf(rules);
    }
}
