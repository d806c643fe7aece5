package org.releaseauditor.core.casefile;

import java.time.Instant;

/**
 * The role an auditor gave a column of a dataset (identifier, quasi-identifier, sensitive ...).
 *
 * @param id        row id
 * @param datasetId the dataset
 * @param column    column name (structural, never a cell value)
 * @param role      role name, e.g. {@code QUASI_IDENTIFIER}
 * @param actor     who assigned it
 * @param at        when (UTC)
 */
public record RoleAssignment(long id, long datasetId, String column, String role, String actor, Instant at) {
}
