package org.releaseauditor.core.risk;

/**
 * Population sizes of common regions, as in ARX's {@code ARXPopulationModel.Region}, so that
 * an auditor can pick a region instead of typing a population size.
 */
public enum PopulationRegion {
    AFRICA("Africa", 1_100_000_000L),
    AUSTRALIA("Australia", 23_130_900L),
    EUROPE("Europe", 740_000_000L),
    NORTH_AMERICA("North America", 565_265_000L),
    SOUTH_AMERICA("South America", 385_742_554L),
    EU("European Union", 507_420_000L),
    BRAZIL("Brazil", 202_656_788L),
    CANADA("Canada", 34_834_841L),
    CHINA("China (PRC)", 1_366_040_000L),
    FRANCE("France", 65_820_916L),
    GERMANY("Germany", 80_767_000L),
    INDIA("India", 1_210_569_573L),
    UK("UK", 63_705_000L),
    USA("USA", 317_238_626L);

    private final String displayName;
    private final long populationSize;

    PopulationRegion(String displayName, long populationSize) {
        this.displayName = displayName;
        this.populationSize = populationSize;
    }

    /** English display name (the GUI localises by enum constant). */
    public String displayName() {
        return displayName;
    }

    /** Population size used for the region. */
    public long populationSize() {
        return populationSize;
    }
}
