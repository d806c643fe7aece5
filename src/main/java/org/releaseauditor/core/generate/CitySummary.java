package org.releaseauditor.core.generate;

/**
 * Size of a generated city.
 *
 * @param people    simulated customers
 * @param days      simulated days
 * @param areas     areas
 * @param districts districts (blocks of 3 × 3 areas)
 * @param cells     radio cells
 * @param events    network events generated
 */
public record CitySummary(int people, int days, int areas, int districts, int cells, long events) {
}
