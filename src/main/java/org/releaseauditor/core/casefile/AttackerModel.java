package org.releaseauditor.core.casefile;

import java.time.Instant;

/**
 * An attacker model recorded in a case (prosecutor/journalist/marketer, population, known attributes).
 *
 * @param id        row id
 * @param name      short name, e.g. "neighbour"
 * @param modelJson the full model as JSON
 * @param actor     who recorded it
 * @param at        when (UTC)
 */
public record AttackerModel(long id, String name, String modelJson, String actor, Instant at) {
}
