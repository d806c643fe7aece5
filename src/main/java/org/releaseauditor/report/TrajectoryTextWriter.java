package org.releaseauditor.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.releaseauditor.core.trajectory.AnonymitySets;
import org.releaseauditor.core.trajectory.AttackResult;
import org.releaseauditor.core.trajectory.SweepResult;
import org.releaseauditor.core.trajectory.TopPlaces;
import org.releaseauditor.core.trajectory.UnicityResult;

/** A readable text summary of trajectory results (English; numbers in the ROOT locale). */
public final class TrajectoryTextWriter {

    private TrajectoryTextWriter() {
    }

    public static void write(TrajectoryJsonWriter.Model m, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        f(b, "Trajectory risk audit: %s%n", m.dataset());
        f(b, "  %d users, %d events, %d locations%n", m.users(), m.events(), m.locations());
        f(b, "  resolution: %s x %s (zone %s): %d areas, %d distinct points%n%n", m.spatial(), m.temporal(), m.zone(),
                m.areas(), m.points());
        UnicityResult u = m.unicity();
        f(b, "Unicity (share of users singled out by p of their points; %s%s, seed %d):%n",
                u.exact() ? "all users" : "sampled users", u.withAttributes() ? ", attacker also knows the attributes" : "",
                u.seed());
        f(b, "  %3s %10s %10s %9s  %s%n", "p", "users", "unique", "unicity", "95% CI (Wilson)");
        for (UnicityResult.Row r : u.rows()) {
            f(b, "  %3d %10d %10d %8.1f%%  [%.1f%%, %.1f%%]%s%n", r.points(), r.sampledUsers(), r.uniqueUsers(),
                    100 * r.fraction(), 100 * r.ciLow(), 100 * r.ciHigh(),
                    r.shortUsers() > 0 ? "  (" + r.shortUsers() + " user(s) with fewer points: all drawn)" : "");
        }
        SweepResult s = m.sweep();
        if (s != null) {
            f(b, "%nCoarsening sweep: unicity with %d points (rows spatial, columns temporal):%n", s.points());
            f(b, "  %-14s", "");
            for (String t : s.temporal()) {
                f(b, " %9s", t);
            }
            b.append(System.lineSeparator());
            double[][] fr = s.fraction();
            for (int i = 0; i < s.spatial().size(); i++) {
                f(b, "  %-14s", s.spatial().get(i));
                for (double v : fr[i]) {
                    f(b, " %8.1f%%", 100 * v);
                }
                b.append(System.lineSeparator());
            }
        }
        if (!m.attacks().isEmpty()) {
            f(b, "%nBackground-knowledge attacks (risk = 1 / number of matching users, max over instances):%n");
            f(b, "  %-16s %3s %-8s %9s %9s %9s%n", "attack", "k", "mode", "mean", "median", "risk=1");
            for (AttackResult a : m.attacks()) {
                f(b, "  %-16s %3d %-8s %9.3f %9.3f %8.1f%%%n", a.attack().id(), a.k(), a.mode().id(), a.meanRisk(),
                        a.medianRisk(), 100 * a.fractionRisk1());
            }
        }
        if (!m.homeWork().isEmpty()) {
            f(b, "%nHome/work anonymity sets (users sharing the same home and work area):%n");
            for (AnonymitySets h : m.homeWork()) {
                f(b, "  %-14s median set size %.1f, alone: %.1f%% of %d users (%d without home or work)%n",
                        h.resolution(), h.medianSize(), 100 * h.fractionSize1(), h.users(), h.excluded());
            }
        }
        if (!m.topN().isEmpty()) {
            f(b, "%nTop-N places anonymity sets (users sharing their N most visited areas):%n");
            for (TopPlaces.TopNResult t : m.topN()) {
                f(b, "  N=%d  median set size %.1f, alone: %.1f%%%n", t.n(), t.sets().medianSize(),
                        100 * t.sets().fractionSize1());
            }
        }
        out.write(b.toString());
        out.flush();
    }

    private static void f(StringBuilder b, String fmt, Object... args) {
        b.append(String.format(Locale.ROOT, fmt, args));
    }
}
