package org.releaseauditor.core.model;

import java.util.List;
import java.util.Objects;

/**
 * What the importer found out about a delimited text file before reading it in full; the GUI
 * import wizard shows it as a preview. Holds preview values of the first rows only.
 *
 * @param charset          charset name used to decode the file (UTF-8, windows-1252, ...)
 * @param bom              whether the file starts with a UTF-8 byte-order mark
 * @param delimiter        field separator
 * @param quote            quote character
 * @param header           whether the first row holds column names
 * @param columnNames      column names (from the header, or column1, column2, ...)
 * @param columnTypes      type per column, inferred from the sampled rows (after overrides)
 * @param previewRows      the first up to {@link #PREVIEW_ROWS} data rows, as decoded text
 * @param fileSizeBytes    file size in bytes
 * @param estimatedRows    estimated number of data rows (exact when the sample held the whole file)
 * @param exactRowCount    whether {@code estimatedRows} is exact
 */
public record SniffResult(String charset, boolean bom, char delimiter, char quote, boolean header,
        List<String> columnNames, List<ColumnType> columnTypes, List<List<String>> previewRows,
        long fileSizeBytes, long estimatedRows, boolean exactRowCount) {

    /** How many data rows the preview holds at most. */
    public static final int PREVIEW_ROWS = 50;

    public SniffResult {
        Objects.requireNonNull(charset);
        columnNames = List.copyOf(columnNames);
        columnTypes = List.copyOf(columnTypes);
        previewRows = previewRows.stream().map(r -> java.util.Collections.unmodifiableList(
                new java.util.ArrayList<>(r))).toList();
    }

    /** The options that reproduce exactly this sniff result (for "keep what was detected"). */
    public ImportOptions toOptions(ImportOptions base) {
        return new ImportOptions(charset, delimiter, quote, header, base.missingTokens(),
                base.suppressionMarkers(), base.typeOverrides());
    }

    @Override
    public String toString() {
        // never print preview values (personal data)
        return "SniffResult[" + charset + ", delimiter=" + (int) delimiter + ", header=" + header + ", columns="
                + columnNames.size() + ", estimatedRows=" + estimatedRows + "]";
    }
}
