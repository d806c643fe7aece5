package org.releaseauditor.ui.charts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.releaseauditor.core.catalogue.MetricCatalogue;
import org.releaseauditor.core.catalogue.MetricEntry;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.verdict.Verdict;

/**
 * The hover text of a summary card, from the metric catalogue (issue 13): the metric's sentence
 * and how to read it, followed by the verdict's sentence for each judged metric of the card
 * ("Success rate (prosecutor) is 50 %; the policy requires at most 5 %."). The same words as the
 * report and the CLI; a metric the catalogue does not know keeps the card's own explanation.
 */
public final class CardTips {
    private CardTips() {
    }

    /**
     * @param fallback the card's own explanation, used when the catalogue has no entry
     * @param scope    the catalogue scope (the lane: {@code microdata}, {@code trajectories}, …)
     * @param verdict  the verdict of the shown result, or null
     * @param names    display names for the pattern's {@code {0}}… (e.g. the number of points), or empty
     * @param paths    the card's metrics (result JSON paths); the first one is described
     */
    public static String of(String fallback, String scope, Verdict verdict, List<String> names, String... paths) {
        MetricEntry e = MetricCatalogue.standard().describe(scope, paths[0], Messages.locale());
        StringBuilder sb = new StringBuilder();
        if (e.known() && !e.text().isBlank()) {
            sb.append(names.isEmpty() ? e.text() : e.text(names));
            if (!e.read().isBlank()) {
                sb.append(' ').append(e.read());
            }
        } else {
            sb.append(fallback);
        }
        if (verdict != null) {
            Set<String> sentences = new LinkedHashSet<>();
            for (String p : paths) {
                verdict.findingFor(p).ifPresent(f -> sentences.add(f.sentence()));
                // a card over several metrics (the smallest count of each table): every judged one under it
                for (String judged : verdict.judged().keySet()) {
                    if (judged.startsWith(p + ".")) {
                        verdict.findingFor(judged).ifPresent(f -> sentences.add(f.sentence()));
                    }
                }
            }
            for (String s : sentences) {
                sb.append('\n').append(s);
            }
        }
        return org.releaseauditor.ui.help.MetricHelp.remember(sb.toString(), scope, paths[0], names);
    }

    /** As {@link #of(String, String, Verdict, List, String...)} without display names. */
    public static String of(String fallback, String scope, Verdict verdict, String... paths) {
        return of(fallback, scope, verdict, List.of(), paths);
    }
}
