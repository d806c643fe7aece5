package org.releaseauditor.core.aggregate;

import java.util.List;

/**
 * A population group whose members (nearly) all share one category of another dimension.
 *
 * @param table         the table it was found in
 * @param group         the group's values (one per group dimension)
 * @param category      the category that (nearly) all members fall into
 * @param members       the group's raw count
 * @param inCategory    members in that category
 * @param outside       members in any other category (at most the allowed number)
 * @param hasSuppressed whether some of the group's cells are withheld (the finding is then only
 *                      possible: the withheld cells could hold members elsewhere)
 */
public record DisclosedGroup(String table, List<String> group, String category, double members, double inCategory,
        double outside, boolean hasSuppressed) {
    public DisclosedGroup {
        group = List.copyOf(group);
    }
}
