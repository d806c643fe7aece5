package org.releaseauditor.core.generate;

/** Receives the simulated city as it is generated (writers, aggregators, tests). */
public interface CityListener {

    /** Called once, before the first person-day. */
    void start(CityModel city, Population population, CityParameters parameters);

    /**
     * Called for each person and day, persons in index order and days in order within a person.
     * {@code trace} is reused after the call returns.
     */
    void personDay(int person, int day, DayTrace trace);

    /** Called once after the last person-day (not called when the run was cancelled). */
    default void finish() {
    }
}
