package org.releaseauditor.ui.fx;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * Decimals in an editable field or spinner in the UI language (issue 13 part 5): {@code 0,95} in
 * German, {@code 0.95} in English, without digit grouping. Reading accepts the decimal comma and
 * the decimal point in either language (a German user who types {@code 0.95} means 0,95); text
 * that is no number (or empty) gives the value the field had before, so a typo never clears a
 * setting. Every {@code Spinner<Double>} of the app uses it through {@link #install(Spinner)}.
 */
public final class LocalNumberConverter extends StringConverter<Double> {

    /** Most decimals shown; more would only show binary noise of the spinner's steps. */
    static final int MAX_DECIMALS = 6;

    private final Supplier<Locale> locale;
    private final Supplier<Double> previous;

    /**
     * @param locale   the locale whose symbols to use, asked at every call (the UI language may change)
     * @param previous the value to keep when the text is no number (may give null)
     */
    public LocalNumberConverter(Supplier<Locale> locale, Supplier<Double> previous) {
        this.locale = locale;
        this.previous = previous;
    }

    /** A converter in the UI language ({@link Numbers#locale()}) that keeps {@code previous} on bad input. */
    public static LocalNumberConverter ofUi(Supplier<Double> previous) {
        return new LocalNumberConverter(Numbers::locale, previous);
    }

    @Override
    public String toString(Double v) {
        if (v == null || v.isNaN()) {
            return "";
        }
        DecimalFormat f = new DecimalFormat("0." + "#".repeat(MAX_DECIMALS),
                DecimalFormatSymbols.getInstance(locale.get()));
        f.setGroupingUsed(false);
        return f.format(v);
    }

    @Override
    public Double fromString(String text) {
        Double parsed = parse(text);
        return parsed != null ? parsed : previous.get();
    }

    /** The number in {@code text} (comma or point as the decimal separator), or null when it is none. */
    public static Double parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().replace('\u2212', '-');
        if (s.isEmpty() || s.indexOf(',') >= 0 && s.indexOf('.') >= 0 || s.chars().filter(c -> c == ',').count() > 1) {
            return null; // "1.000,5" and "1,000.5": grouping is not read, rather than guessed
        }
        s = s.replace(',', '.');
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)")) {
            return null;
        }
        return new BigDecimal(s).doubleValue();
    }

    /**
     * Gives {@code spinner} (with a {@link SpinnerValueFactory.DoubleSpinnerValueFactory} or any
     * factory of doubles) this converter, and shows the kept value again when typed text was no
     * number: on Enter and when the spinner loses the focus.
     */
    public static void install(Spinner<Double> spinner) {
        SpinnerValueFactory<Double> f = spinner.getValueFactory();
        LocalNumberConverter c = ofUi(f::getValue);
        f.setConverter(c);
        spinner.getEditor().setText(c.toString(f.getValue()));
        Runnable commit = () -> {
            if (!spinner.isEditable()) {
                return;
            }
            spinner.commitValue();
            spinner.getEditor().setText(c.toString(f.getValue()));
        };
        spinner.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                commit.run();
            }
        });
        spinner.getEditor().addEventHandler(javafx.event.ActionEvent.ACTION, e -> commit.run());
    }
}
