package org.releaseauditor.service.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.releaseauditor.core.casefile.CaseStatus;
import org.releaseauditor.core.casefile.Condition;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.Review;
import org.releaseauditor.core.casefile.VerificationItem;
import org.releaseauditor.core.casefile.VerificationReport;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.AuditStoreException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.DatasetFingerprint;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.cases.CaseRecords.DecisionDetails;
import org.releaseauditor.service.cases.CaseRecords.ExportResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code case export CASE --to DIR}: exactly the approved outputs of the decision in force, the
 * report (HTML and PDF), a consistent copy of the case file, {@code manifest.json} (head hash,
 * decision, outputs) and {@code SHA256SUMS} (accepted by {@code sha256sum -c}). Everything is
 * written to a temporary folder next to {@code DIR} and moved into place at the end, so a
 * refused or failed export writes nothing. {@link #verify} checks such a folder.
 */
public final class CaseExport {

    /** Name of the checksum manifest. */
    public static final String SUMS = "SHA256SUMS";
    /** Name of the export manifest. */
    public static final String MANIFEST = "manifest.json";
    /** Folder of the exported outputs. */
    public static final String OUTPUTS = "outputs";

    private static final Logger LOGGER = LoggerFactory.getLogger(CaseExport.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Nothing may leave: no decision, nothing approved, or a required review is missing. */
    public static final class NothingApprovedException extends AuditException {
        private static final long serialVersionUID = 1L;

        NothingApprovedException(String caseFile, String reason) {
            super("case.error.nothingApproved", caseFile, reason);
        }
    }

    /** One output to hand out: the dataset, where its bytes are now, and the file name in the export. */
    private record Out(DatasetEntry dataset, Path source, String name, Long replaces) {
    }

    /**
     * Exports the approved outputs of the case's decision in force.
     *
     * @param dataDir where the data files are now (by file name), or null for their recorded paths
     */
    public ExportResult export(Path caseFile, Path to, Path dataDir, Locale locale, ProgressMonitor monitor)
            throws AuditException {
        Path target = to.toAbsolutePath().normalize();
        try (CaseService cs = CaseService.open(caseFile, true, LaneRegistry.global())) {
            DecisionDetails d = cs.currentDecisionDetails().orElseThrow(() -> new NothingApprovedException(
                    cs.file().toString(), Messages.get("case.export.noDecision")));
            long decisionId = d.decision().id();
            if (d.awaitingReview()) {
                throw new NothingApprovedException(cs.file().toString(), Messages.get("case.export.awaitingReview",
                        decisionId));
            }
            List<Out> outs = outputs(cs, d, dataDir);
            if (outs.isEmpty()) {
                throw new NothingApprovedException(cs.file().toString(), Messages.get("case.export.rejected",
                        decisionId));
            }
            if (Files.exists(target) && !isEmptyDir(target)) {
                throw new ConfigurationException("case.error.exportTarget", target.toString());
            }
            for (Out o : outs) {
                monitor.checkCancelled();
                cs.checkUnchangedAt(o.dataset(), o.source(), monitor);
            }
            Path tmp = target.resolveSibling("." + target.getFileName() + ".export-" + System.nanoTime());
            try {
                ExportResult r = write(cs, d, outs, tmp, target, dataDir, locale, monitor);
                if (Files.exists(target)) {
                    Files.delete(target);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                LOGGER.info("Case {}: decision {} exported with {} outputs (head {})", cs.file().getFileName(),
                        decisionId, outs.size(), r.headHash());
                return r;
            } catch (IOException e) {
                throw new AuditStoreException(e, "case.error.exportWrite", target.toString(),
                        String.valueOf(e.getMessage()));
            } finally {
                deleteRecursively(tmp);
            }
        }
    }

    /** The approved outputs, with the files that conditions name put in or swapped in. */
    private static List<Out> outputs(CaseService cs, DecisionDetails d, Path dataDir) throws AuditException {
        Map<Long, Long> replacedBy = new LinkedHashMap<>();
        List<Long> additions = new ArrayList<>();
        for (Condition c : d.record().map(r -> r.conditions()).orElse(List.of())) {
            if (c.outputDatasetId() != null) {
                if (c.replaces() != null) {
                    replacedBy.put(c.replaces(), c.outputDatasetId());
                } else {
                    additions.add(c.outputDatasetId());
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        for (long id : d.approvedOutputs()) {
            Long swap = replacedBy.get(id);
            ids.add(swap == null ? id : swap);
        }
        for (long id : additions) {
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        List<Out> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (long id : ids) {
            DatasetEntry ds = cs.datasets().stream().filter(x -> x.id() == id).findFirst().orElseThrow(
                    () -> new ConfigurationException("case.error.noDataset", Long.toString(id), cs.file().toString()));
            Path recorded = Path.of(ds.path());
            Path source = dataDir == null ? recorded : dataDir.resolve(recorded.getFileName());
            String name = recorded.getFileName().toString();
            if (names.contains(name)) {
                name = id + "-" + name;
            }
            names.add(name);
            Long replaces = null;
            for (Map.Entry<Long, Long> e : replacedBy.entrySet()) {
                if (e.getValue() == id) {
                    replaces = e.getKey();
                }
            }
            out.add(new Out(ds, source, name, replaces));
        }
        return out;
    }

    private ExportResult write(CaseService cs, DecisionDetails d, List<Out> outs, Path tmp, Path target, Path dataDir,
            Locale locale, ProgressMonitor monitor) throws AuditException, IOException {
        Files.createDirectories(tmp.resolve(OUTPUTS));
        List<String> files = new ArrayList<>();
        List<String> outputFiles = new ArrayList<>();
        ArrayNode outJson = JSON.createArrayNode();
        for (Out o : outs) {
            String rel = OUTPUTS + "/" + o.name();
            Files.copy(o.source(), tmp.resolve(rel));
            String sha = DatasetFingerprint.of(tmp.resolve(rel), monitor).sha256();
            if (!sha.equals(o.dataset().sha256())) {
                throw new AuditStoreException("case.error.datasetChanged", o.dataset().id(), o.source().toString(),
                        o.dataset().sha256(), sha);
            }
            files.add(rel);
            outputFiles.add(rel);
            ObjectNode n = outJson.addObject();
            n.put("datasetId", o.dataset().id());
            n.put("file", rel);
            n.put("sha256", sha);
            if (o.replaces() == null) {
                n.putNull("replaces");
            } else {
                n.put("replaces", o.replaces());
            }
        }
        String caseName = cs.file().getFileName().toString();
        Path copy = tmp.resolve(caseName);
        cs.copyTo(copy);
        files.add(caseName);
        String head;
        long events;
        try (CaseService snapshot = CaseService.open(copy, true, LaneRegistry.global())) {
            head = snapshot.headHash();
            events = snapshot.history().size();
            ReportService reports = new ReportService();
            reports.export(snapshot, ReportFormat.HTML, tmp.resolve("report.html"), locale, false, dataDir, monitor);
            reports.export(snapshot, ReportFormat.PDF, tmp.resolve("report.pdf"), locale, false, dataDir, monitor);
        }
        files.add("report.html");
        files.add("report.pdf");
        ObjectNode m = JSON.createObjectNode();
        m.put("schemaVersion", 1);
        m.put("case", caseName);
        m.put("title", cs.info().title());
        m.put("headHash", head);
        m.put("events", events);
        ObjectNode dec = m.putObject("decision");
        dec.put("id", d.decision().id());
        dec.put("outcome", d.decision().outcome().name());
        dec.put("decidedBy", d.decision().auditor());
        dec.put("decidedAt", d.decision().at().toString());
        dec.put("chainHead", d.decision().chainHead());
        ArrayNode rv = dec.putArray("reviewedBy");
        for (Review r : d.reviews()) {
            rv.add(r.reviewer());
        }
        m.set("outputs", outJson);
        ArrayNode rep = m.putArray("reports");
        rep.add("report.html");
        rep.add("report.pdf");
        m.put("verify", "release-auditor verify " + target.getFileName() + " && (cd " + target.getFileName()
                + " && sha256sum -c " + SUMS + ")");
        Files.writeString(tmp.resolve(MANIFEST), JSON.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
        files.add(MANIFEST);
        StringBuilder sums = new StringBuilder();
        for (String f : new TreeMap<>(toMap(files)).keySet()) {
            sums.append(DatasetFingerprint.of(tmp.resolve(f), monitor).sha256()).append("  ").append(f).append('\n');
        }
        Files.writeString(tmp.resolve(SUMS), sums.toString(), StandardCharsets.US_ASCII);
        files.add(SUMS);
        return new ExportResult(target, files, outputFiles, head, d.decision().id());
    }

    private static Map<String, Boolean> toMap(List<String> files) {
        Map<String, Boolean> m = new TreeMap<>();
        files.forEach(f -> m.put(f, true));
        return m;
    }

    /**
     * Verifies an export folder: every file against {@code SHA256SUMS} (and no file unlisted),
     * the case copy (chain, rows, seals), that the case contains the head of {@code manifest.json},
     * and that the exported outputs are exactly the approved outputs of the decision.
     */
    public VerificationReport verify(Path dir, ProgressMonitor monitor) throws AuditException {
        List<VerificationItem> items = new ArrayList<>();
        String subject = Messages.get("verify.subject.export");
        Path sums = dir.resolve(SUMS);
        Map<String, String> listed = new TreeMap<>();
        if (!Files.isRegularFile(sums)) {
            items.add(new VerificationItem("export", subject, false, Messages.get("verify.export.missingSums")));
        } else {
            List<String> problems = new ArrayList<>();
            List<String> lines;
            try {
                lines = Files.readAllLines(sums, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AuditStoreException(e, "case.error.unreadableData", sums.toString(),
                        String.valueOf(e.getMessage()));
            }
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.isBlank()) {
                    continue;
                }
                if (!l.matches("[0-9a-f]{64} [ *]\\S.*") || l.substring(66).contains("..")) {
                    problems.add(Messages.get("verify.export.badLine", i + 1));
                    continue;
                }
                listed.put(l.substring(66), l.substring(0, 64));
            }
            for (Map.Entry<String, String> e : listed.entrySet()) {
                Path f = dir.resolve(e.getKey());
                if (!Files.isRegularFile(f)) {
                    problems.add(Messages.get("verify.export.fileMissing", e.getKey()));
                } else if (!DatasetFingerprint.of(f, monitor).sha256().equals(e.getValue())) {
                    problems.add(Messages.get("verify.export.fileChanged", e.getKey()));
                }
            }
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.filter(Files::isRegularFile).toList()) {
                    String rel = dir.relativize(p).toString().replace('\\', '/');
                    if (!rel.equals(SUMS) && !listed.containsKey(rel)) {
                        problems.add(Messages.get("verify.export.unlisted", rel));
                    }
                }
            } catch (IOException e) {
                throw new AuditStoreException(e, "case.error.unreadableData", dir.toString(),
                        String.valueOf(e.getMessage()));
            }
            items.add(new VerificationItem("export", subject, problems.isEmpty(),
                    problems.isEmpty() ? Messages.get("verify.export.sums", listed.size()) : String.join("; ", problems)));
        }
        JsonNode manifest = null;
        try {
            manifest = JSON.readTree(dir.resolve(MANIFEST).toFile());
        } catch (IOException e) {
            LOGGER.debug("no manifest in {}", dir);
        }
        if (manifest == null || !manifest.path("case").isTextual() || !manifest.path("headHash").isTextual()
                || manifest.path("case").asText().contains("/")) {
            items.add(new VerificationItem("export", subject, false, Messages.get("verify.export.manifest")));
            return new VerificationReport(items, null, 0, null);
        }
        Path caseCopy = dir.resolve(manifest.path("case").asText());
        try (CaseService cs = CaseService.open(caseCopy, true, LaneRegistry.global())) {
            items.addAll(cs.verifyChainOnly());
            VerificationItem head = cs.verifyHead(manifest.path("headHash").asText());
            items.add(head);
            Optional<DecisionDetails> d = cs.currentDecisionDetails();
            long decisionId = manifest.path("decision").path("id").asLong(-1);
            List<String> expected = new ArrayList<>();
            if (d.isPresent() && d.get().decision().id() == decisionId) {
                for (Out o : outputs(cs, d.get(), dir.resolve(OUTPUTS))) {
                    expected.add(o.dataset().sha256());
                }
            }
            List<String> exported = new ArrayList<>();
            for (JsonNode o : manifest.path("outputs")) {
                exported.add(o.path("sha256").asText());
                String rel = o.path("file").asText();
                if (!listed.containsKey(rel) || !listed.get(rel).equals(o.path("sha256").asText())) {
                    exported.add("(" + rel + " not in SHA256SUMS)");
                }
            }
            try (Stream<Path> outFiles = Files.isDirectory(dir.resolve(OUTPUTS)) ? Files.list(dir.resolve(OUTPUTS))
                    : Stream.empty()) {
                if (outFiles.count() != manifest.path("outputs").size()) {
                    exported.add("(files in outputs/ differ from manifest.json)");
                }
            } catch (IOException e) {
                exported.add("(" + e.getMessage() + ")");
            }
            List<String> a = new ArrayList<>(exported);
            List<String> b = new ArrayList<>(expected);
            a.sort(Comparator.naturalOrder());
            b.sort(Comparator.naturalOrder());
            boolean ok = !b.isEmpty() && a.equals(b);
            items.add(new VerificationItem("export", subject, ok, ok ? Messages.get("verify.export.outputsOk", decisionId)
                    : Messages.get("verify.export.outputs", exported, expected, decisionId)));
            CaseStatus status = cs.status();
            return new VerificationReport(items, cs.headHash(), cs.history().size(), status);
        }
    }

    private static boolean isEmptyDir(Path p) {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            LOGGER.warn("could not remove temporary export folder {}: {}", p, e.getMessage());
        }
    }
}
