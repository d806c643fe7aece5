package org.releaseauditor.core.generate;

/**
 * One person's simulated day: the area and serving cell of each hour, and the network events in
 * time order. The simulator reuses one instance; a listener must copy what it keeps.
 */
public final class DayTrace {
    /** Area where the person spends hour h (0..23). */
    final int[] hourArea = new int[24];
    /** Cell serving the stay during hour h. */
    final int[] hourCell = new int[24];
    int eventCount;
    int[] eventSecond = new int[64];
    int[] eventCell = new int[64];

    void clearEvents() {
        eventCount = 0;
    }

    void addEvent(int secondOfDay, int cell) {
        if (eventCount == eventSecond.length) {
            eventSecond = java.util.Arrays.copyOf(eventSecond, eventCount * 2);
            eventCell = java.util.Arrays.copyOf(eventCell, eventCount * 2);
        }
        eventSecond[eventCount] = secondOfDay;
        eventCell[eventCount] = cell;
        eventCount++;
    }

    /** Area of hour {@code h}. */
    public int area(int h) {
        return hourArea[h];
    }

    /** Serving cell of the stay in hour {@code h}. */
    public int cell(int h) {
        return hourCell[h];
    }

    public int eventCount() {
        return eventCount;
    }

    /** Second of the day (0..86399) of event {@code k}; events are in time order. */
    public int eventSecond(int k) {
        return eventSecond[k];
    }

    /** Cell of event {@code k}. */
    public int eventCell(int k) {
        return eventCell[k];
    }
}
