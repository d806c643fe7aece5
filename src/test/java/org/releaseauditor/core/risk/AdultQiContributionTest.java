package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnBuilder;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * ARX's own test value on the public adult data (METRICS.md §1): with all 9 columns as QIs the
 * prosecutor success rate J/n is 0.6465751607983555, which is exactly the distinction of the full
 * QI set.
 */
class AdultQiContributionTest {

    /** The repository's own copy of the public UCI Adult data (identical to ARX's test file). */
    private static final Path ADULT = Path.of("sample-datasets/microdata/adult.csv");

    static List<Column> adult() throws IOException {
        Path file = ADULT;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(";", -1);
        List<ColumnBuilder> builders = new ArrayList<>();
        for (String name : header) {
            builders.add(new ColumnBuilder(name, lines.size()));
        }
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(";", -1);
            for (int c = 0; c < header.length; c++) {
                builders.get(c).add(cells[c]);
            }
        }
        List<Column> columns = new ArrayList<>();
        for (ColumnBuilder b : builders) {
            columns.add(b.build(ColumnType.CATEGORICAL));
        }
        return columns;
    }

    @Test
    void distinctionOfAllNineQuasiIdentifiersIsArxAverageRisk() throws Exception {
        List<Column> qis = adult();
        List<QiContribution> result = QiContributionAnalysis.compute(qis, 10, ProgressMonitor.none());
        assertEquals(511, result.size());
        QiContribution all = result.get(result.size() - 1);
        assertEquals(9, all.qis().size());
        assertEquals(0.6465751607983555, all.distinction(), 1e-15);
    }
}
