package org.releaseauditor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.aggregate.CountTable;
import org.releaseauditor.core.aggregate.ReleaseSet;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.policy.Operator;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.policy.PolicyRule;
import org.releaseauditor.core.policy.Severity;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.remediation.RemediationCondition;
import org.releaseauditor.core.remediation.Transformation;
import org.releaseauditor.core.remediation.microdata.GeneralizationHierarchy;
import org.releaseauditor.core.remediation.microdata.MicrodataRemediation;
import org.releaseauditor.core.remediation.microdata.MicrodataSearchOptions;
import org.releaseauditor.core.remediation.microdata.MicrodataSearchResult;
import org.releaseauditor.core.remediation.microdata.NodeResult;
import org.releaseauditor.core.remediation.trajectory.TrajectoryRemediation;
import org.releaseauditor.core.risk.MicrodataAnalyzer;
import org.releaseauditor.core.risk.MicrodataConfig;
import org.releaseauditor.core.risk.MicrodataResult;
import org.releaseauditor.core.trajectory.EventTable;
import org.releaseauditor.core.trajectory.SpatialResolution;
import org.releaseauditor.core.trajectory.TemporalResolution;

/** Remediated copies written to disk and read back by the normal importers, and their JSON. */
class RemediatedCopyTest {

    static final List<String> QIS = List.of("sex", "age", "race", "marital-status", "education", "native-country",
            "workclass", "occupation");

    @TempDir
    Path dir;

    @Test
    void adultOptimumWrittenAndReimportedPassesFiveAnonymity() throws Exception {
        Path adult = Path.of("sample-datasets", "microdata", "adult.csv");
        Dataset data = new CsvImporter().read(adult, ImportOptions.defaults(), ProgressMonitor.none());
        List<GeneralizationHierarchy> hs = new java.util.ArrayList<>();
        for (String q : QIS) {
            hs.add(HierarchyCsv.read(Path.of("sample-datasets", "microdata", "hierarchies", "adult_" + q + ".csv"), q));
        }
        MicrodataRemediation m = MicrodataRemediation.prepare(data, hs, ProgressMonitor.none());
        PolicyProfile k5 = new PolicyProfile("min-group-5", "1.0", null, null, null,
                List.of(new PolicyRule("k", Operator.GE, 5, Severity.FAIL, "")));
        MicrodataSearchResult r = m.search(MicrodataSearchOptions.defaults(k5).withParetoBudget(0),
                ProgressMonitor.none());
        NodeResult opt = r.optimum();
        MicrodataRemediation.Applied applied = m.apply(opt.levelArray(), opt.suppressBelow(), ProgressMonitor.none());
        Path out = dir.resolve("adult_remediated.csv");
        DatasetFingerprint fp = RemediatedCsvWriter.write(applied.dataset(), out, ';', ProgressMonitor.none());
        assertEquals(DatasetFingerprint.of(out, ProgressMonitor.none()).sha256(), fp.sha256());
        assertFalse(Files.list(dir).anyMatch(p -> p.toString().endsWith(".part")), "no temporary file left");

        Dataset back = new CsvImporter().read(out, ImportOptions.defaults(), ProgressMonitor.none());
        MicrodataResult audit = MicrodataAnalyzer.analyze(back, MicrodataConfig.defaults(QIS), null,
                ProgressMonitor.none());
        assertEquals(opt.k(), audit.k());
        assertTrue(audit.k() >= 5);
        assertEquals(1458, audit.suppressedRecords());
        assertEquals(opt.classes(), audit.classes());
        assertEquals(data.rowCount(), back.rowCount());
        // salary-class is untouched
        assertEquals(data.column("salary-class").orElseThrow().valueAt(17),
                back.column("salary-class").orElseThrow().valueAt(17));

        JsonNode json = RemediationJson.microdata(r);
        assertEquals(3, json.path("optimum").path("levels").path("age").asInt());
        assertEquals(1458, json.path("optimum").path("suppressedRecords").asLong());
        assertEquals(opt.loss(r.measure()), json.path("optimum").path("loss").asDouble());
        assertEquals("loss", json.path("measure").asText());
        assertTrue(json.path("paretoFront").isArray());

        Transformation.Microdata t = m.transformation(opt);
        RemediationCondition c = new RemediationCondition("adult.csv", "in", t, out.getFileName().toString(),
                fp.sha256(), fp.sizeBytes());
        JsonNode cj = RemediationJson.condition(c);
        assertEquals(fp.sha256(), cj.path("output").path("sha256").asText());
        assertEquals(t, RemediationJson.readTransformation("microdata", cj.path("transformation")));
    }

    @Test
    void fieldsAreQuotedOnlyWhenNeeded() throws Exception {
        Dataset d = new Dataset("d", List.of(
                new Column("a;b", ColumnType.CATEGORICAL, new String[] {"x;y", "say \"hi\"", " pad", "plain"},
                        new int[] {0, 1, 2, 3, Column.MISSING, Column.SUPPRESSED}, 6)));
        Path out = dir.resolve("q.csv");
        RemediatedCsvWriter.write(d, out, ';', ProgressMonitor.none());
        assertEquals("\"a;b\"\n\"x;y\"\n\"say \"\"hi\"\"\"\n\" pad\"\nplain\n\n*\n", Files.readString(out));
    }

    @Test
    void eventsAreWrittenWithTheirNames() throws Exception {
        EventTable t = EventTable.of(new String[] {"p1", "p2"}, new int[] {0, 1}, new long[] {3600, 7300},
                new int[] {0, 1}, new String[] {"c1", "c2"}, null, null, null, 0, ZoneId.of("UTC"));
        TrajectoryRemediation.Transformed x = TrajectoryRemediation.transform(t, new SpatialResolution.Identity(),
                TemporalResolution.bins(7200), null, 1, ProgressMonitor.none());
        Path out = dir.resolve("e.csv");
        RemediatedCsvWriter.writeEvents(x, List.of("pseudonym", "timestamp", "cell"), out, ',',
                ProgressMonitor.none());
        assertEquals("pseudonym,timestamp,cell\np1,1970-01-01T00:00:00,c1\np2,1970-01-01T02:00:00,c2\n",
                Files.readString(out));
    }

    @Test
    void transformationsRoundTripThroughJson() {
        Transformation.Trajectories tr = new Transformation.Trajectories("grid:2km", "4h", null, 7);
        assertEquals(tr, RemediationJson.readTransformation("trajectories", RemediationJson.transformation(tr)));
        Transformation.Trajectories capped = new Transformation.Trajectories("none", "1h", 12, 7);
        assertEquals(capped, RemediationJson.readTransformation("trajectories",
                RemediationJson.transformation(capped)));
        Transformation.Aggregates ag = new Transformation.Aggregates(Map.of("T", List.of(
                new Transformation.Aggregates.Cell("r2|c1", 3, "primary:threshold"),
                new Transformation.Aggregates.Cell("r3|c1", 6, "secondary"))), "TOTAL", "x");
        assertEquals(ag, RemediationJson.readTransformation("aggregates", RemediationJson.transformation(ag)));
        assertNull(RemediationJson.transformation(tr).path("eventsPerUser").textValue());
    }

    @Test
    void withheldCopyReplacesOnlyTheCountsOfWithheldCells() throws Exception {
        Dataset table = new Dataset("t.csv", List.of(
                new Column("area", ColumnType.CATEGORICAL, new String[] {"A", "B", "ALL"}, new int[] {0, 1, 2}, 3),
                new Column("count", ColumnType.INTEGER, new String[] {"4", "2", "6"}, new int[] {0, 1, 2}, 3)));
        CountTable remediated = CountTable.of("t", List.of("area"), new String[][] {{"A"}, {"B"}, {"Total"}},
                new double[] {Double.NaN, Double.NaN, 6});
        Dataset copy = org.releaseauditor.core.remediation.aggregate.AggregateRemediation.withheldCopy(table, "count",
                remediated, "x");
        Path out = dir.resolve("t.csv");
        RemediatedCsvWriter.write(copy, out, ',', ProgressMonitor.none());
        assertEquals("area,count\nA,x\nB,x\nALL,6\n", Files.readString(out));
        assertEquals(1, ReleaseSet.of(remediated).tables().size());
    }
}
