package org.releaseauditor.io.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.aggregate.AuditedCell;
import org.releaseauditor.core.aggregate.CountTable;
import org.releaseauditor.core.aggregate.CountTableReader;
import org.releaseauditor.core.aggregate.ProtectionRequirement;
import org.releaseauditor.core.aggregate.ReleaseModel;
import org.releaseauditor.core.aggregate.ReleaseSet;
import org.releaseauditor.core.aggregate.SuppressionAudit;
import org.releaseauditor.core.aggregate.TableSpec;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.CsvImporter;

/**
 * The LP audit of the bundled footfall release (41,217 withheld cells in 2,539 independent blocks)
 * gives exactly the result of release 0.1, which solved every program with ojAlgo's modelling layer:
 * 2,602 exposed cells, and the same interval for every withheld cell. The expected digest is the
 * SHA-256 of one line "table|index|low|high|exposed" per audited cell (infinite bounds as "null"),
 * taken from the JSON of {@code analyze aggregates --margin-tokens ALL --table 'footfall=...'
 * --threshold 10 --operator lt --audit --format json} run with release 0.1.
 */
class FootfallAuditTest {

    private static final String EXPECTED = "6259fd91815bb2f1119dc778ef24cc5014deb4edeea9d72fb5522b67ee7b7f22";

    @Test
    void footfallIntervalsAreThoseOfRelease01() throws Exception {
        Path file = Path.of("sample-datasets/aggregates/footfall_hourly_withheld.csv");
        Dataset ds = new CsvImporter().read(file,
                new ImportOptions(null, null, null, null, Set.of(), Set.of(), null), ProgressMonitor.none());
        TableSpec spec = new TableSpec("footfall", "count", List.of("date", "hour", "area", "age_band", "gender"),
                null, 1.0, null, Set.of("ALL"), null);
        CountTable table = CountTableReader.read(ds, spec, file.toString(), Map.of(), ProgressMonitor.none());
        ReleaseModel model = ReleaseModel.build(new ReleaseSet("footfall", List.of(table), Map.of()),
                ProgressMonitor.none());
        List<AuditedCell> audit = SuppressionAudit.audit(model, new OjAlgoIntervalSolver(),
                new ProtectionRequirement(0, 0), ProgressMonitor.none());
        assertEquals(41_217, audit.size());
        assertEquals(2_602, audit.stream().filter(AuditedCell::exposed).count());
        StringBuilder lines = new StringBuilder();
        for (AuditedCell c : audit) {
            if (lines.length() > 0) {
                lines.append('\n');
            }
            lines.append(c.table()).append('|').append(c.index()).append('|').append(text(c.low())).append('|')
                    .append(text(c.high())).append('|').append(c.exposed());
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(lines.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(EXPECTED, HexFormat.of().formatHex(digest));
    }

    private static String text(double v) {
        return Double.isInfinite(v) ? "null" : Double.toString(v);
    }
}
