package org.releaseauditor.core.trajectory;

import java.time.ZoneId;
import java.util.List;

/**
 * Which columns of a loaded dataset hold the events.
 *
 * @param user       pseudonym column
 * @param time       timestamp column
 * @param location   location id column, or null when {@code lat}/{@code lng} are given
 * @param lat        latitude column, or null
 * @param lng        longitude column, or null
 * @param attributes per-person attribute columns the attacker may know (may be empty)
 * @param timeFormat null or "auto" (detect), "iso", "epoch", "epoch-ms", or a DateTimeFormatter pattern
 * @param zone       zone of local timestamps and of calendar bins
 */
public record EventColumns(String user, String time, String location, String lat, String lng,
        List<String> attributes, String timeFormat, ZoneId zone) {

    public EventColumns {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        zone = zone == null ? ZoneId.of("UTC") : zone;
    }
}
