package org.releaseauditor.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.generate.EvaluationSampleParameters;
import org.releaseauditor.core.generate.GeneratedFile;
import org.releaseauditor.core.progress.CancelledException;
import org.releaseauditor.core.progress.ProgressMonitor;

class GenerateEvaluationTest {

    @Test
    void writesThreeFilesAndAManifestByteIdenticallyForASeed(@TempDir Path dir) throws Exception {
        EvaluationSampleParameters p = new EvaluationSampleParameters(300, 100, 200, 0.1, 36, 5);
        GenerateService.EvaluationSampleResult a = new GenerateService().generateEvaluation(p, dir.resolve("a"),
                ProgressMonitor.none());
        GenerateService.EvaluationSampleResult b = new GenerateService().generateEvaluation(p, dir.resolve("b"),
                ProgressMonitor.none());
        assertEquals(List.of("original.csv", "release.csv", "control.csv", "manifest.json"),
                a.files().stream().map(GeneratedFile::name).toList());
        assertEquals(20, a.copies());
        for (GeneratedFile f : a.files()) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f.name())),
                    Files.readAllBytes(dir.resolve("b").resolve(f.name())), f.name());
        }
        List<String> release = Files.readAllLines(dir.resolve("a/release.csv"));
        assertEquals(201, release.size());
        assertEquals("age,gender,home_area,tariff,device,segment,monthly_spend,data_gb,calls_per_month,tenure_months",
                release.get(0));
        String manifest = Files.readString(dir.resolve("a/manifest.json"));
        assertTrue(manifest.contains("\"copiedRecords\" : 20"), manifest);
        assertTrue(manifest.contains(a.files().get(1).sha256()));
    }

    @Test
    void noControlFileWithoutControlRowsAndNothingLeftAfterCancel(@TempDir Path dir) throws Exception {
        GenerateService.EvaluationSampleResult r = new GenerateService().generateEvaluation(
                new EvaluationSampleParameters(100, 0, 100, 0.0, 36, 1), dir.resolve("n"), ProgressMonitor.none());
        assertEquals(3, r.files().size());
        assertFalse(Files.exists(dir.resolve("n/control.csv")));
        org.releaseauditor.core.progress.CancellationFlag flag = new org.releaseauditor.core.progress.CancellationFlag();
        flag.cancel();
        assertThrows(CancelledException.class, () -> new GenerateService().generateEvaluation(
                new EvaluationSampleParameters(100, 10, 100, 0.0, 36, 1), dir.resolve("c"), flag));
        for (String f : List.of("original.csv", "release.csv", "control.csv", "manifest.json")) {
            assertFalse(Files.exists(dir.resolve("c").resolve(f)), f);
        }
    }
}
