package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.risk.MicrodataResult.EstimateStatus;
import org.releaseauditor.core.risk.MicrodataResult.ModelStatus;
import org.releaseauditor.core.risk.MicrodataResult.Phrase;

/** The population models' reasons are keys with arguments, rendered in the language asked for. */
class ModelReasonTextTest {

    @Test
    void nestedPhrasesAndDecimalsAreRenderedInTheRequestedLanguage() {
        Phrase pitman = Phrase.of("risk.population.model.pitman", 0.25, 1.5);
        ModelStatus s = new ModelStatus(EstimateStatus.NO_VALID_ESTIMATE, "risk.population.reason.outside", pitman,
                123456.789, 1000L);
        // decimals with six significant digits in the language's format; whole numbers as they are
        assertEquals("Pitman's model (theta 0.250000, alpha 1.50000) gives 123457 population uniques, outside "
                + "[0, N = 1000].", s.reason());
        assertEquals("Pitmans Modell (theta 0,250000, alpha 1,50000) ergibt 123457 Populationsunikate, "
                + "außerhalb von [0, N = 1000].", s.reason(Locale.GERMAN));
    }

    @Test
    void apostrophesSurviveInTextsWithoutArguments() {
        assertEquals("Zayatz's model", Phrase.of("risk.population.model.zayatz").text(Locale.ENGLISH));
        assertEquals("ARX's SNB equations", Phrase.of("risk.population.snbEquations.ARX").text(Locale.ENGLISH));
        assertEquals("The fitted alpha is 0, for which Pitman's model gives no estimate.",
                new ModelStatus(EstimateStatus.NO_VALID_ESTIMATE, "risk.population.reason.pitmanAlphaZero")
                        .reason());
    }

    @Test
    void noReasonIsEmptyInEveryLanguage() {
        ModelStatus ok = new ModelStatus(EstimateStatus.OK, null, (List<Object>) null);
        assertEquals("", ok.reasonKey());
        assertEquals(List.of(), ok.reasonArgs());
        assertEquals("", ok.reason());
        assertEquals("", ok.reason(Locale.GERMAN));
        assertEquals(List.of(), new Phrase("risk.population.model.zayatz", null).args());
    }
}
