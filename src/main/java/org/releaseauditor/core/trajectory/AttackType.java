package org.releaseauditor.core.trajectory;

import java.util.Locale;

/** Background-knowledge attacks of Pellungrini et al. (see {@link BackgroundKnowledgeAttack}). */
public enum AttackType {
    /** The attacker knows k visited places (with repetitions): multiset containment. */
    LOCATION("location"),
    /** The attacker knows k visited places in their order: ordered subsequence. */
    SEQUENCE("sequence"),
    /** The attacker knows k (place, time bin) points: multiset containment of points. */
    LOCATION_TIME("location-time"),
    /** The attacker knows k distinct visited places: set containment. */
    UNIQUE_LOCATION("unique-location"),
    /** The attacker knows k distinct places and how often each was visited (within a tolerance). */
    FREQUENCY("frequency"),
    /** The attacker knows k distinct places and the share of visits to each (within a tolerance). */
    PROBABILITY("probability"),
    /** The attacker knows the two most visited places. */
    HOME_WORK("home-work");

    private final String id;

    AttackType(String id) {
        this.id = id;
    }

    /** The id used on the command line and in JSON. */
    public String id() {
        return id;
    }

    /** The attack with this id (also accepts {@code location-sequence}, {@code location-frequency}, {@code location-probability}); null if none. */
    public static AttackType fromId(String s) {
        String x = s.trim().toLowerCase(Locale.ROOT);
        if (x.startsWith("location-") && !x.equals("location-time")) {
            x = x.substring(9);
        }
        for (AttackType t : values()) {
            if (t.id.equals(x)) {
                return t;
            }
        }
        return null;
    }

    /** Whether instances are drawn from the distinct places of a trace (not from its records). */
    public boolean setBased() {
        return this == UNIQUE_LOCATION || this == FREQUENCY || this == PROBABILITY;
    }
}
