package org.releaseauditor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * A broken quote must not turn into a wrong delimiter guess (issue 14: an unbalanced quote in
 * adult.csv made the guess fall back to a one-column comma file, and the user was told "Unknown
 * column 'age'"). The error names the quote and suggests --delimiter/--quote.
 */
class DelimiterQuotingTest {

    @TempDir
    Path dir;

    @BeforeEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void unbalancedQuoteInAdultIsReportedAtItsLineWithTheRightDelimiter() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("sample-datasets/microdata/adult.csv"),
                StandardCharsets.UTF_8).subList(0, 3000));
        lines.add(51, "39;Male;White;Never-married;Bachelors;United-States;State-gov;\"Adm-clerical;<=50K");
        Path f = dir.resolve("adult-broken.csv");
        Files.write(f, lines, StandardCharsets.UTF_8);
        CsvImporter imp = new CsvImporter();
        // the preview (sniff) and the import both stop at the quote, with ';' as the delimiter (column 8)
        for (DatasetFormatException e : List.of(
                assertThrows(DatasetFormatException.class, () -> imp.sniff(f, ImportOptions.defaults())),
                assertThrows(DatasetFormatException.class,
                        () -> imp.read(f, ImportOptions.defaults(), ProgressMonitor.none())))) {
            assertEquals(52, e.line());
            assertEquals(8, e.column());
            assertTrue(e.getMessage().contains("never closed") && e.getMessage().contains("--quote"), e.getMessage());
        }
    }

    @Test
    void quoteBrokenInTheHeaderSaysTheDelimiterCouldNotBeDetectedAndWhatToGive() throws Exception {
        Path f = dir.resolve("h.csv");
        Files.writeString(f, "\"age;sex\nx;1\ny;2\n", StandardCharsets.UTF_8);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new CsvImporter().read(f, ImportOptions.defaults(), ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("delimiter could not be detected because the quoting"), e.getMessage());
        assertTrue(e.getMessage().contains("--delimiter") && e.getMessage().contains("--quote"), e.getMessage());
    }
}
