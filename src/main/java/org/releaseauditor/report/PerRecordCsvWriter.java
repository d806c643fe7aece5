package org.releaseauditor.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.risk.PerRecordRisk;

/**
 * Streams a {@link PerRecordRisk} as CSV (comma-separated, RFC 4180 quoting, one line per row of
 * the dataset, in dataset order), for {@code --per-record FILE}. Columns:
 *
 * <ul>
 *   <li>{@code row}: the 1-based data row (the header is not counted);</li>
 *   <li>one column per quasi-identifier, holding {@value #MASK} unless values are revealed
 *       explicitly (the file then contains personal data);</li>
 *   <li>{@code fk}, {@code Fk}, {@code risk}: sample frequency, population estimate and individual
 *       risk (sdcMicro {@code measure_risk()$Res}); empty for a row whose QIs are all suppressed;</li>
 *   <li>{@code household_risk} with a household column; {@code suda_score} and {@code dis_suda}
 *       when SUDA was computed.</li>
 * </ul>
 *
 * Numbers are written with Java's shortest exact decimal form, so a reader gets the same doubles.
 */
public final class PerRecordCsvWriter {

    /** What a masked quasi-identifier value is written as. */
    public static final String MASK = "[masked]";

    private PerRecordCsvWriter() {
    }

    /**
     * Writes the CSV.
     *
     * @param data         the analysed dataset (for the QI values when revealed)
     * @param risk         the per-record vectors of that dataset
     * @param revealValues whether to write the QI values instead of {@value #MASK}
     * @param out          the target; not closed
     */
    public static void write(Dataset data, PerRecordRisk risk, boolean revealValues, Writer out) throws IOException {
        if (data.rowCount() != risk.rows()) {
            throw new IllegalArgumentException("dataset and risk vectors differ in length");
        }
        List<Column> qis = new ArrayList<>();
        for (String q : risk.quasiIdentifiers()) {
            qis.add(data.column(q).orElseThrow(() -> new IllegalArgumentException("unknown column " + q)));
        }
        StringBuilder line = new StringBuilder(128);
        line.append("row");
        for (String q : risk.quasiIdentifiers()) {
            line.append(',');
            quoted(line, q);
        }
        line.append(",fk,Fk,risk");
        if (risk.hasHouseholdRisk()) {
            line.append(",household_risk");
        }
        if (risk.hasSuda()) {
            line.append(",suda_score,dis_suda");
        }
        out.write(line.append("\r\n").toString());
        for (int r = 0; r < risk.rows(); r++) {
            line.setLength(0);
            line.append(r + 1);
            for (Column c : qis) {
                line.append(',');
                if (revealValues) {
                    String v = c.valueAt(r);
                    quoted(line, v == null ? "" : v);
                } else {
                    line.append(MASK);
                }
            }
            if (risk.classified(r)) {
                line.append(',').append(risk.sampleFrequency(r)).append(',').append(number(risk.populationFrequency(r)))
                        .append(',').append(number(risk.risk(r)));
                if (risk.hasHouseholdRisk()) {
                    line.append(',').append(number(risk.householdRisk(r)));
                }
            } else {
                line.append(",,,");
                if (risk.hasHouseholdRisk()) {
                    line.append(',');
                }
            }
            if (risk.hasSuda()) {
                line.append(',').append(number(risk.sudaScore(r))).append(',').append(number(risk.disScore(r)));
            }
            out.write(line.append("\r\n").toString());
        }
        out.flush();
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static void quoted(StringBuilder sb, String v) {
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        if (!quote) {
            sb.append(v);
            return;
        }
        sb.append('"').append(v.replace("\"", "\"\"")).append('"');
    }
}
