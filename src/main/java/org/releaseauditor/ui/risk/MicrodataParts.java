package org.releaseauditor.ui.risk;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.releaseauditor.core.risk.IndividualRiskResult;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.core.risk.MicrodataResult;
import org.releaseauditor.core.risk.QiContribution;
import org.releaseauditor.core.risk.SudaResult;
import org.releaseauditor.service.microdata.MicrodataRequest;

/**
 * The parts of a microdata analysis known so far, for the progressive display (issue 15): the
 * summary (cards, class-size histogram) comes first, the population curve, individual risk, the
 * QI contribution and SUDA2 after it. Each publication is a new immutable value holding every part
 * known until then; null means "not known yet".
 *
 * @param summary         classes, k, risks, uniqueness, histogram, l-diversity, t-closeness, pairs
 * @param populationCurve population uniqueness at several sampling fractions
 * @param individualRisk  Benedetti–Franconi risk (only with a weight column)
 * @param qiContribution  distinction and separation of the QI subsets
 * @param suda            SUDA2 scores (only when SUDA2 is on)
 */
public record MicrodataParts(MicrodataResult summary, List<MicrodataResult.PopulationUniqueness> populationCurve,
        IndividualRiskResult individualRisk, List<QiContribution> qiContribution, SudaResult suda) {

    /** A part that may still be computing while the summary is shown. */
    public enum Part {
        POPULATION_CURVE, INDIVIDUAL_RISK, QI_CONTRIBUTION, SUDA
    }

    public MicrodataParts {
        populationCurve = populationCurve == null ? null : List.copyOf(populationCurve);
        qiContribution = qiContribution == null ? null : List.copyOf(qiContribution);
    }

    /** Nothing known yet. */
    public static MicrodataParts none() {
        return new MicrodataParts(null, null, null, null, null);
    }

    public MicrodataParts withSummary(MicrodataResult r) {
        return new MicrodataParts(r, populationCurve, individualRisk, qiContribution, suda);
    }

    public MicrodataParts withPopulationCurve(List<MicrodataResult.PopulationUniqueness> curve) {
        return new MicrodataParts(summary, curve, individualRisk, qiContribution, suda);
    }

    public MicrodataParts withIndividualRisk(IndividualRiskResult r) {
        return new MicrodataParts(summary, populationCurve, r, qiContribution, suda);
    }

    public MicrodataParts withQiContribution(List<QiContribution> q) {
        return new MicrodataParts(summary, populationCurve, individualRisk, q, suda);
    }

    public MicrodataParts withSuda(SudaResult s) {
        return new MicrodataParts(summary, populationCurve, individualRisk, qiContribution, s);
    }

    /** The parts {@code request} computes that are not known yet (empty before the summary: nothing to show). */
    public Set<Part> pending(MicrodataRequest request) {
        Set<Part> out = EnumSet.noneOf(Part.class);
        if (populationCurve == null) {
            out.add(Part.POPULATION_CURVE);
        }
        if (individualRisk == null) { // computed for every request (r = 1/f_k without weights)
            out.add(Part.INDIVIDUAL_RISK);
        }
        if (qiContribution == null) {
            out.add(Part.QI_CONTRIBUTION);
        }
        if (suda == null && request.suda()) {
            out.add(Part.SUDA);
        }
        return out;
    }

    /**
     * What the dashboard shows while the rest computes: the known parts, empty lists and nulls for
     * the others; null before the summary is known.
     */
    public MicrodataAnalysis toAnalysis(String datasetName, MicrodataRequest request) {
        if (summary == null) {
            return null;
        }
        return new MicrodataAnalysis(datasetName, request.toConfig(), summary,
                qiContribution == null ? List.of() : qiContribution, individualRisk, suda,
                populationCurve == null ? List.of() : populationCurve);
    }
}
