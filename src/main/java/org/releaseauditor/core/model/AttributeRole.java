package org.releaseauditor.core.model;

/** The role an auditor assigns to a column (PRODUCT.md, workflow step 2). */
public enum AttributeRole {
    /** Directly identifying (name, customer id): must not be released at all. */
    IDENTIFIER,
    /** Known to an attacker from other sources (age, gender, postcode): forms equivalence classes. */
    QUASI_IDENTIFIER,
    /** The information to protect (diagnosis, income): attribute disclosure. */
    SENSITIVE,
    /** Neither identifying nor sensitive. */
    INSENSITIVE,
    /** Sampling weight (Benedetti–Franconi individual risk). */
    WEIGHT,
    /** Household identifier (household risk). */
    HOUSEHOLD,
    /** Pseudonym of a person in event data. */
    PSEUDONYM,
    /** Timestamp of an event. */
    TIMESTAMP,
    /** Location of an event (cell id, area, or a coordinate). */
    LOCATION,
    /** Count of a cell in an aggregated table. */
    COUNT
}
