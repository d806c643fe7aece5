package org.releaseauditor.core.casefile;

import java.util.Locale;
import java.util.Optional;

/**
 * The legal basis of a release under the GDPR: the six lawful bases of Art. 6(1)(a)-(f) and the
 * safeguards for archiving, research and statistics of Art. 89. A decision record may name
 * several, plus free text (for example national law).
 */
public enum LegalBasis {
    /** Art. 6(1)(a): consent of the data subject. */
    ART6_1_A("6(1)(a)"),
    /** Art. 6(1)(b): performance of a contract. */
    ART6_1_B("6(1)(b)"),
    /** Art. 6(1)(c): a legal obligation of the controller. */
    ART6_1_C("6(1)(c)"),
    /** Art. 6(1)(d): vital interests. */
    ART6_1_D("6(1)(d)"),
    /** Art. 6(1)(e): a task in the public interest or official authority. */
    ART6_1_E("6(1)(e)"),
    /** Art. 6(1)(f): legitimate interests of the controller or a third party. */
    ART6_1_F("6(1)(f)"),
    /** Art. 89: archiving in the public interest, scientific or historical research, statistics. */
    ART89("89");

    private final String article;

    LegalBasis(String article) {
        this.article = article;
    }

    /** The article as written in the GDPR, e.g. {@code 6(1)(e)} or {@code 89}. */
    public String article() {
        return article;
    }

    /**
     * Parses a code as users write it: the enum name ({@code ART6_1_E}), the article
     * ({@code 6(1)(e)}, {@code Art. 6(1)(e)}, {@code 89}) or the short letter ({@code e}).
     */
    public static Optional<LegalBasis> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT).replace("ART.", "").replace("ARTICLE", "")
                .replace(" ", "");
        for (LegalBasis b : values()) {
            if (b.name().equals(t) || b.article().toUpperCase(Locale.ROOT).equals(t)
                    || ("ART" + b.article().toUpperCase(Locale.ROOT)).equals(t)) {
                return Optional.of(b);
            }
        }
        if (t.length() == 1 && t.charAt(0) >= 'A' && t.charAt(0) <= 'F') {
            return Optional.of(valueOf("ART6_1_" + t));
        }
        return Optional.empty();
    }
}
