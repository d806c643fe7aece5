package org.releaseauditor.ui.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.risk.MicrodataResult.EstimateStatus;
import org.releaseauditor.core.risk.MicrodataResult.ModelStatus;
import org.releaseauditor.core.risk.MicrodataResult.PopulationUniqueness;
import org.releaseauditor.core.risk.MicrodataResult.UniquenessModel;
import org.releaseauditor.core.risk.SnbVariant;

/**
 * How the microdata dashboard shows population models (issue 12): a model without an estimate says
 * why ("not converged" instead of "–"), Dankar's pick has ARX's names (DANKAR when the sample has
 * no uniques), and SNB carries the variant of its equations; in English and German.
 */
class PopulationDisplayTest {

    @BeforeEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void reset() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static ModelStatus ok() {
        return new ModelStatus(EstimateStatus.OK, "");
    }

    private static PopulationUniqueness pu(Double pitman, Double snb, Double dankar, UniquenessModel model,
            ModelStatus pitmanStatus, ModelStatus snbStatus, ModelStatus dankarStatus, SnbVariant variant) {
        return new PopulationUniqueness(1000, 0.1, pitman, 0.02, snb, dankar, null, null, null, null, model,
                pitmanStatus, ok(), snbStatus, dankarStatus, null, null, variant);
    }

    @Test
    void aModelWithoutAnEstimateShowsItsStatusAndReason() {
        ModelStatus nc = new ModelStatus(EstimateStatus.NOT_CONVERGED, "no root after 300 iterations from 5 starts");
        PopulationUniqueness p = pu(null, 0.0123, 0.0123, UniquenessModel.SNB, nc, ok(), ok(), SnbVariant.ARX);
        assertEquals("not converged", RiskDashboardViewModel.estimate(p.pitman(), p.pitmanStatus()));
        assertEquals(RiskDashboardViewModel.pct(0.0123), RiskDashboardViewModel.estimate(p.snb(), p.snbStatus()));
        assertEquals("Pitman: not converged (no root after 300 iterations from 5 starts)",
                RiskDashboardViewModel.populationNotes(p));
        assertEquals(RiskDashboardViewModel.pct(0.0123) + " (SNB, ARX equations)", RiskDashboardViewModel.dankarText(p));
        PopulationUniqueness corrected = pu(0.01, 0.0123, 0.0123, UniquenessModel.SNB, ok(), ok(), ok(),
                SnbVariant.CORRECTED);
        assertEquals("SNB, corrected equations", RiskDashboardViewModel.dankarModel(corrected));
        assertEquals("", RiskDashboardViewModel.populationNotes(corrected), "every model estimated");
    }

    @Test
    void noSampleUniquesIsDankarWithZeroEstimates() {
        ModelStatus none = new ModelStatus(EstimateStatus.NO_SAMPLE_UNIQUES, "");
        PopulationUniqueness p = pu(0.0, 0.0, 0.0, UniquenessModel.DANKAR, none, none, none, SnbVariant.ARX);
        assertEquals("DANKAR", RiskDashboardViewModel.dankarModel(p));
        assertEquals(RiskDashboardViewModel.pct(0.0) + " (DANKAR)", RiskDashboardViewModel.dankarText(p));
        assertEquals("Pitman: no sample uniques (0); SNB: no sample uniques (0); Dankar: no sample uniques (0)",
                RiskDashboardViewModel.populationNotes(p));
    }

    @Test
    void statusesAndVariantsAreTranslated() {
        Messages.setLocale(Locale.GERMAN);
        assertEquals("nicht konvergiert", RiskDashboardViewModel.estimate(null,
                new ModelStatus(EstimateStatus.NOT_CONVERGED, "")));
        assertEquals("keine g\u00fcltige Sch\u00e4tzung", RiskDashboardViewModel.estimate(null,
                new ModelStatus(EstimateStatus.NO_VALID_ESTIMATE, "")));
        assertEquals("korrigierte Gleichungen", RiskDashboardViewModel.snbVariant(SnbVariant.CORRECTED));
        for (EstimateStatus s : EstimateStatus.values()) {
            for (Locale l : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
                Messages.setLocale(l);
                assertTrue(Messages.has("population.status." + s.name()), s + " in " + l);
            }
        }
    }

    @Test
    void reasonsFromCoreAreKeysRenderedInTheUiLanguage() {
        ModelStatus snb = new ModelStatus(EstimateStatus.NOT_CONVERGED, "risk.population.reason.snbNotConverged",
                org.releaseauditor.core.risk.MicrodataResult.Phrase.of("risk.population.snbEquations.ARX"), 0.5, 5,
                300);
        ModelStatus dankar = new ModelStatus(EstimateStatus.NOT_CONVERGED, "risk.population.reason.dankarNoEstimate",
                "SNB", snb);
        PopulationUniqueness p = pu(0.01, null, null, UniquenessModel.SNB, ok(), snb, dankar, SnbVariant.ARX);
        assertEquals("Newton-Raphson found no root of ARX's SNB equations (K 0.500000) from (1, 1) or ARX's 5 "
                + "start values (300 steps).", snb.reason(), "the JSON keeps English");
        assertTrue(RiskDashboardViewModel.populationNotes(p).contains("SNB: not converged (Newton-Raphson found no "
                + "root of ARX's SNB equations (K 0.500000)"), RiskDashboardViewModel.populationNotes(p));
        Messages.setLocale(Locale.GERMAN);
        String notes = RiskDashboardViewModel.populationNotes(p);
        assertTrue(notes.startsWith("SNB: nicht konvergiert (Newton-Raphson fand keine Nullstelle (SNB-Gleichungen "
                + "von ARX, K 0,500000)"), notes);
        assertTrue(notes.contains("Dankars Regel w\u00e4hlte SNB, das keine Sch\u00e4tzung hat: Newton-Raphson fand"),
                notes);
        assertEquals(snb.reason(Locale.ENGLISH), snb.reason(), "the English text does not follow the UI language");
    }
}
