package org.releaseauditor.core.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lane's result as a tree of maps, lists, numbers and strings in the shape of its JSON
 * (issue 16, item 8), so that the JSON, the stored case result and the policy metric paths are
 * defined in one place. Under {@code singlingOut.univariate}, {@code singlingOut.multivariate},
 * {@code linkability} and {@code inference} every attack has {@code attacks}, {@code successes},
 * {@code attackRate}, {@code controlRate} and {@code baselineRate} (each with {@code value},
 * {@code low}, {@code high}) and {@code residualRisk} ({@code value}, {@code low}, {@code high});
 * {@code controlRate} and {@code residualRisk} are null without a control set, and an attack that
 * did not run is absent. Holds counts, rates, column names and texts only, never record values.
 */
public final class EvaluationTree {

    /** Version of the tree's layout; raise it when a field changes meaning. */
    public static final int SCHEMA_VERSION = 1;

    private EvaluationTree() {
    }

    /** The tree, with readings and notes in {@code locale}. */
    public static Map<String, Object> of(EvaluationResult r, Locale locale) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("lane", "evaluation");
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("originalRows", r.originalRows());
        root.put("releaseRows", r.releaseRows());
        root.put("controlRows", r.hasControl() ? r.controlRows() : null);
        root.put("seed", r.seed());
        root.put("confidenceLevel", r.confidenceLevel());
        List<Object> columns = new ArrayList<>();
        for (EvaluationColumn c : r.columns()) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", c.name());
            col.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
            col.put("distinct", c.distinct());
            columns.add(col);
        }
        root.put("columns", columns);
        if (r.singlingOutUnivariate() != null || r.singlingOutMultivariate() != null) {
            Map<String, Object> so = new LinkedHashMap<>();
            if (r.singlingOutUnivariate() != null) {
                so.put("univariate", attack(r.singlingOutUnivariate(), locale));
            }
            if (r.singlingOutMultivariate() != null) {
                so.put("multivariate", attack(r.singlingOutMultivariate(), locale));
            }
            root.put("singlingOut", so);
        }
        if (r.linkability() != null) {
            root.put("linkability", attack(r.linkability(), locale));
        }
        if (r.inference() != null) {
            root.put("inference", attack(r.inference(), locale));
        }
        double highest = r.highestResidualRisk();
        root.put("highestResidualRisk", Double.isNaN(highest) ? null : highest);
        root.put("notes", notes(r.notes(), locale));
        return root;
    }

    /** One attack's subtree. */
    public static Map<String, Object> attack(AttackResult a, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attacks", a.attacks());
        m.put("successes", count(a.attackRate().successes()));
        m.put("attackRate", rate(a.attackRate()));
        m.put("controlRate", a.controlRate() == null ? null : controlRate(a.controlRate()));
        m.put("baselineRate", rate(a.baselineRate()));
        if (a.residualRisk() == null) {
            m.put("residualRisk", null);
        } else {
            Map<String, Object> risk = new LinkedHashMap<>();
            risk.put("value", a.residualRisk().value());
            risk.put("low", a.residualRisk().low());
            risk.put("high", a.residualRisk().high());
            risk.put("raw", a.residualRisk().raw());
            risk.put("measurable", a.residualRisk().significant());
            m.put("residualRisk", risk);
        }
        Map<String, Object> setup = new LinkedHashMap<>();
        if (a.setup() instanceof AttackSetup.SinglingOut s) {
            setup.put("columnsPerPredicate", s.columnsPerPredicate());
            setup.put("predicates", s.predicates());
            setup.put("attempts", s.attempts());
            if (s.controlMatches() >= 0) {
                setup.put("controlMatches", s.controlMatches());
                setup.put("controlSizeCorrection", s.controlSizeCorrection());
            }
        } else if (a.setup() instanceof AttackSetup.Linkability l) {
            setup.put("auxA", l.auxA());
            setup.put("auxB", l.auxB());
            setup.put("neighbours", l.neighbours());
        } else if (a.setup() instanceof AttackSetup.Inference i) {
            setup.put("aux", i.aux());
            setup.put("secret", i.secret());
            setup.put("numericSecret", i.numericSecret());
            setup.put("tolerance", i.tolerance());
        }
        m.put("setup", setup);
        m.put("reading", a.reading().text(locale));
        // key and arguments, so that a report can show the reading in another language later
        m.put("readingKey", a.reading().key());
        m.put("readingArgs", a.reading().args());
        m.put("readingConclusionKey", a.reading().conclusionKey());
        m.put("notes", notes(a.notes(), locale));
        return m;
    }

    private static Map<String, Object> rate(Rate r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", r.value());
        m.put("low", r.low());
        m.put("high", r.high());
        m.put("successes", count(r.successes()));
        return m;
    }

    private static Map<String, Object> controlRate(Rate r) {
        Map<String, Object> m = rate(r);
        m.put("attacks", r.trials());
        return m;
    }

    /** A whole count as a long, a corrected (fractional) count as a double. */
    private static Number count(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
    }

    private static List<Object> notes(List<EvaluationNote> notes, Locale locale) {
        List<Object> out = new ArrayList<>();
        for (EvaluationNote n : notes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", n.key());
            // the arguments (counts, percentages, column names), so that a report can show the note in its language
            m.put("args", n.args());
            m.put("text", n.text(locale));
            out.add(m);
        }
        return out;
    }
}
