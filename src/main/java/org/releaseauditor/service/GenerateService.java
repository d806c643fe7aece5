package org.releaseauditor.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.generate.CityAggregates;
import org.releaseauditor.core.generate.CityParameters;
import org.releaseauditor.core.generate.CitySimulator;
import org.releaseauditor.core.generate.CitySummary;
import org.releaseauditor.core.generate.EvaluationSample;
import org.releaseauditor.core.generate.EvaluationSampleParameters;
import org.releaseauditor.core.generate.GeneratedFile;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.generate.CityCsvWriter;
import org.releaseauditor.io.generate.EvaluationCsvWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case "generate a synthetic city": simulates it, streams the CSV files into a folder and
 * writes {@code manifest.json} (parameters, seed, files with row counts and SHA-256). The output
 * is byte-identical for the same parameters and seed. On cancellation or error the files of this
 * run are deleted.
 */
public final class GenerateService {
    private static final Logger LOGGER = LoggerFactory.getLogger(GenerateService.class);

    /** Name of the manifest written next to the data files. */
    public static final String MANIFEST = "manifest.json";

    /**
     * The result of one run.
     *
     * @param summary      size of the city
     * @param files        the data files, then the manifest (whose hash is not in itself)
     * @param manifestPath path of {@code manifest.json}
     */
    public record CityResult(CitySummary summary, List<GeneratedFile> files, Path manifestPath) {
        public CityResult {
            files = List.copyOf(files);
        }
    }

    /** Generates the city into {@code outDir} (created if missing). */
    public CityResult generateCity(CityParameters parameters, Path outDir, ProgressMonitor monitor)
            throws AuditException {
        parameters.validate();
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new ConfigurationException("generate.error.outNotDirectory", outDir.toString());
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new AuditException(e, "generate.error.write", outDir.toString(), String.valueOf(e.getMessage()));
        }
        LOGGER.info("Generating city people={} days={} areas={} seed={} into {}", parameters.people(),
                parameters.days(), parameters.areas(), parameters.seed(), outDir);
        CityAggregates aggregates = new CityAggregates();
        boolean ok = false;
        CityCsvWriter writer = new CityCsvWriter(outDir);
        try (writer) {
            CitySummary summary = CitySimulator.run(parameters, List.of(aggregates, writer), monitor.slice(0.0, 0.9));
            writer.writeAggregates(aggregates, monitor.slice(0.9, 1.0));
            List<GeneratedFile> files = new ArrayList<>(writer.files());
            Path manifest = outDir.resolve(MANIFEST);
            byte[] json = manifestJson(parameters, summary, files);
            Files.write(manifest, json);
            files.add(new GeneratedFile(MANIFEST, 0, json.length, sha256(json)));
            ok = true;
            return new CityResult(summary, files, manifest);
        } catch (UncheckedIOException e) {
            throw new AuditException(e.getCause(), "generate.error.write", outDir.toString(),
                    String.valueOf(e.getCause().getMessage()));
        } catch (IOException e) {
            throw new AuditException(e, "generate.error.write", outDir.toString(), String.valueOf(e.getMessage()));
        } finally {
            if (!ok) {
                deleteOutputs(outDir);
            }
        }
    }

    private static void deleteOutputs(Path outDir) {
        List<String> names = List.of(CityCsvWriter.AREAS, CityCsvWriter.CELLS, CityCsvWriter.CELL_TO_DISTRICT,
                CityCsvWriter.CUSTOMERS, CityCsvWriter.EVENTS, CityCsvWriter.TRUTH, CityCsvWriter.FOOTFALL_RAW,
                CityCsvWriter.FOOTFALL_WITHHELD, CityCsvWriter.FOOTFALL_EXTRAPOLATED, CityCsvWriter.OD_RAW,
                CityCsvWriter.OD_WITHHELD, MANIFEST);
        for (String n : names) {
            try {
                Files.deleteIfExists(outDir.resolve(n));
            } catch (IOException e) {
                LOGGER.warn("Could not delete partial output {}: {}", n, e.getMessage());
            }
        }
        LOGGER.info("Generation stopped; partial outputs deleted from {}", outDir);
    }

    /**
     * The result of {@link #generateEvaluation}.
     *
     * @param copies       release rows copied verbatim from the original (the known leak)
     * @param files        the data files, then the manifest
     * @param manifestPath path of {@code manifest.json}
     */
    public record EvaluationSampleResult(int originalRows, int controlRows, int releaseRows, int copies,
            List<GeneratedFile> files, Path manifestPath) {
        public EvaluationSampleResult {
            files = List.copyOf(files);
        }
    }

    /**
     * Generates an original, a control set and a synthetic release with a known leak
     * ({@link EvaluationSample}) into {@code outDir}, with {@code manifest.json}. Byte-identical for
     * the same parameters and seed; on cancellation or error the files of this run are deleted.
     */
    public EvaluationSampleResult generateEvaluation(EvaluationSampleParameters parameters, Path outDir,
            ProgressMonitor monitor) throws AuditException {
        parameters.validate();
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new ConfigurationException("generate.error.outNotDirectory", outDir.toString());
        }
        LOGGER.info("Generating evaluation sample original={} control={} release={} copyShare={} seed={} into {}",
                parameters.originalRows(), parameters.controlRows(), parameters.releaseRows(),
                parameters.copyShare(), parameters.seed(), outDir);
        boolean ok = false;
        try {
            Files.createDirectories(outDir);
            EvaluationSample sample = EvaluationSample.generate(parameters, monitor.slice(0.0, 0.6));
            List<GeneratedFile> files = new ArrayList<>(EvaluationCsvWriter.write(sample, outDir,
                    monitor.slice(0.6, 1.0)));
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = manifestRoot(mapper, "evaluation");
            ObjectNode params = root.putObject("parameters");
            params.put("originalRows", parameters.originalRows());
            params.put("controlRows", parameters.controlRows());
            params.put("releaseRows", parameters.releaseRows());
            params.put("copyShare", parameters.copyShare());
            params.put("areas", parameters.areas());
            params.put("seed", parameters.seed());
            ObjectNode leak = root.putObject("leak");
            leak.put("copiedRecords", sample.copies());
            leak.put("description", "release rows at random positions that are verbatim copies of distinct "
                    + "original records; the other release rows take each value from a random original record of "
                    + "the same segment (ages +-2 years, numbers scaled by exp(N(0, 0.1)), tenure +- N(0, 3))");
            ArrayNode arr = root.putArray("files");
            for (GeneratedFile f : files) {
                ObjectNode o = arr.addObject();
                o.put("name", f.name());
                o.put("rows", f.rows());
                o.put("bytes", f.bytes());
                o.put("sha256", f.sha256());
            }
            byte[] json = (mapper.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Path manifest = outDir.resolve(MANIFEST);
            Files.write(manifest, json);
            files.add(new GeneratedFile(MANIFEST, 0, json.length, sha256(json)));
            ok = true;
            return new EvaluationSampleResult(parameters.originalRows(), parameters.controlRows(),
                    parameters.releaseRows(), sample.copies(), files, manifest);
        } catch (IOException e) {
            throw new AuditException(e, "generate.error.write", outDir.toString(), String.valueOf(e.getMessage()));
        } finally {
            if (!ok) {
                for (String n : EvaluationCsvWriter.fileNames()) {
                    try {
                        Files.deleteIfExists(outDir.resolve(n));
                    } catch (IOException e) {
                        LOGGER.warn("Could not delete partial output {}: {}", n, e.getMessage());
                    }
                }
            }
        }
    }

    static byte[] manifestJson(CityParameters p, CitySummary s, List<GeneratedFile> files) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = manifestRoot(mapper, "city");
        ObjectNode params = root.putObject("parameters");
        params.put("people", p.people());
        params.put("days", p.days());
        params.put("areas", p.areas());
        params.put("seed", p.seed());
        params.put("startDate", p.startDate().toString());
        params.put("suppressionThreshold", p.suppressionThreshold());
        params.put("extrapolationFactor", p.extrapolationFactor());
        params.put("extrapolationRounding", "Math.round(raw * factor), half up; raw counts below the threshold withheld");
        params.put("timestamps", "local time of the city, ISO 8601 without offset");
        ObjectNode city = root.putObject("city");
        city.put("people", s.people());
        city.put("days", s.days());
        city.put("areas", s.areas());
        city.put("districts", s.districts());
        city.put("cells", s.cells());
        city.put("events", s.events());
        city.put("centreLat", org.releaseauditor.core.generate.CityModel.CENTRE_LAT);
        city.put("centreLon", org.releaseauditor.core.generate.CityModel.CENTRE_LON);
        ArrayNode arr = root.putArray("files");
        for (GeneratedFile f : files) {
            ObjectNode o = arr.addObject();
            o.put("name", f.name());
            o.put("rows", f.rows());
            o.put("bytes", f.bytes());
            o.put("sha256", f.sha256());
        }
        return (mapper.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }


    /** The manifest's header: schema version, the generating command and the app version. */
    private static ObjectNode manifestRoot(ObjectMapper mapper, String command) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", 1);
        root.put("generator", "release-auditor generate " + command);
        root.put("generatorVersion", AppVersion.get());
        return root;
    }
}
