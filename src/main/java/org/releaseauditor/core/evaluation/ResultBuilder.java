package org.releaseauditor.core.evaluation;

import java.util.ArrayList;
import java.util.List;

/** Turns success counts into rates, the residual risk, the reading and the common notes. */
final class ResultBuilder {

    private ResultBuilder() {
    }

    /**
     * @param controlTrials     attacks on the control set (ignored without control)
     * @param controlSuccesses  successes on the control set, or a negative value without control
     */
    static AttackResult build(AttackType type, int attacks, int successes, int baselineSuccesses, int controlTrials,
            double controlSuccesses, double z, AttackSetup setup, List<EvaluationNote> notes) {
        Rate attack = Rate.wilson(attacks, successes, z);
        Rate baseline = Rate.wilson(attacks, baselineSuccesses, z);
        Rate control = null;
        ResidualRisk residual = null;
        List<EvaluationNote> all = new ArrayList<>(notes);
        if (controlSuccesses >= 0) {
            control = Rate.wilson(controlTrials, Math.min(controlSuccesses, controlTrials), z);
            residual = ResidualRisk.of(attack, control);
            if (residual == null) {
                all.add(EvaluationNote.of("evaluation.note.controlAlwaysSucceeds"));
            }
        }
        if (baseline.value() >= attack.value()) {
            all.add(EvaluationNote.of("evaluation.note.notBetterThanBaseline", pct(attack.value()),
                    pct(baseline.value())));
        }
        Reading reading = reading(type, attack, baseline, control, residual, setup);
        return new AttackResult(type, attacks, attack, baseline, control, residual, setup, reading, all);
    }

    static double pct(double share) {
        return Math.round(share * 1000.0) / 10.0;
    }

    private static Reading reading(AttackType type, Rate attack, Rate baseline, Rate control, ResidualRisk residual,
            AttackSetup setup) {
        List<Object> args = new ArrayList<>();
        String base = "evaluation.reading." + type.path();
        String key;
        String conclusion = null;
        if (residual != null) {
            key = base + ".control";
            args.add(pct(residual.value()));
            args.add(pct(residual.low()));
            args.add(pct(residual.high()));
            args.add(pct(attack.value()));
            args.add(pct(control.value()));
            args.add(pct(baseline.value()));
            conclusion = residual.significant() ? "evaluation.reading.measurable" : "evaluation.reading.notMeasurable";
        } else {
            key = base + ".noControl";
            args.add(pct(Math.max(0.0, attack.value() - baseline.value())));
            args.add(pct(attack.value()));
            args.add(pct(baseline.value()));
            args.add(0.0);
            args.add(0.0);
            args.add(0.0);
            conclusion = control != null ? "evaluation.reading.controlSaturated" : "evaluation.reading.addControl";
        }
        if (setup instanceof AttackSetup.SinglingOut s) {
            args.add(s.columnsPerPredicate());
        } else if (setup instanceof AttackSetup.Linkability l) {
            args.add(String.join(", ", l.auxA()));
            args.add(String.join(", ", l.auxB()));
        } else if (setup instanceof AttackSetup.Inference i) {
            args.add(String.join(", ", i.aux()));
            args.add(i.secret());
        }
        return new Reading(key, args, conclusion);
    }
}
