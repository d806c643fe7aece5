package org.releaseauditor.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * A small stand-in lane (tests only), registered like any lane a later issue adds: groups rows of
 * its {@code data} input by the quasi-identifiers in the request field {@code qis} and reports k,
 * classes, the histogram, prosecutor risks and the riskiest classes (record values, which reports
 * must hide unless asked). It has no command-line options: {@code case run} gives its request with
 * {@code --param qis=…} or {@code --request}.
 */
public final class FakeMicrodataLane implements Lane<FakeMicrodataLane.Request, String> {

    /** The fake lane's request: comma-separated QIs. */
    public record Request(String qis) implements LaneRequest {
        @Override
        public String lane() {
            return LANE;
        }

        @Override
        public ObjectNode toJsonTree() {
            ObjectNode n = RequestJson.root(LANE);
            n.put("qis", qis);
            return n;
        }
    }

    public static final String LANE = "fake-microdata";

    /** Ten records; QIs age band and district; classes of size 2, 3 and 5. */
    public static final String SAMPLE_CSV = """
            age,district,diagnosis
            30-39,Kreuzberg,Asthma
            30-39,Kreuzberg,Influenza
            40-49,Pankow,Diabetes
            40-49,Pankow,Asthma
            40-49,Pankow,Migraine
            50-59,Lichtenberg,Influenza
            50-59,Lichtenberg,Diabetes
            50-59,Lichtenberg,Asthma
            50-59,Lichtenberg,Migraine
            50-59,Lichtenberg,Gastritis
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return LANE;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public Request defaults() {
        return new Request("");
    }

    @Override
    public Request readRequest(String json) throws ConfigurationException {
        RequestJson.Reader r = new RequestJson.Reader(RequestJson.parseObject(json, "request"), LANE).header(LANE);
        String qis = r.string("qis");
        r.finish();
        return new Request(qis == null ? "" : qis);
    }

    @Override
    public String primaryRole() {
        return "data";
    }

    @Override
    public void validate(Request request, LaneInputs inputs) throws ConfigurationException {
        inputs.require("data", LANE, "--dataset ID");
    }

    @Override
    public String text(LaneResult<Request, String> result) {
        return result.json();
    }

    @Override
    public LaneResult<Request, String> analyze(Request request, LaneInputs inputs, ProgressMonitor monitor)
            throws AuditException {
        validate(request, inputs);
        DatasetService.LoadedInput in = new DatasetService().loadInput(inputs.require("data", LANE, "--dataset"),
                ImportOptions.defaults(), monitor);
        Dataset ds = in.data();
        List<String> qis = List.of(request.qis().split(","));
        Map<String, Integer> classes = new TreeMap<>();
        List<Column> cols = new ArrayList<>();
        for (String q : qis) {
            cols.add(ds.column(q).orElseThrow());
        }
        for (int r = 0; r < ds.rowCount(); r++) {
            StringBuilder key = new StringBuilder();
            for (Column c : cols) {
                key.append(c.valueAt(r)).append('|');
            }
            classes.merge(key.toString(), 1, Integer::sum);
        }
        int n = ds.rowCount();
        int k = classes.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        Map<Integer, Integer> hist = new TreeMap<>();
        classes.values().forEach(s -> hist.merge(s, 1, Integer::sum));
        ObjectNode res = JSON.createObjectNode();
        res.put("schemaVersion", 1);
        res.put("records", n);
        res.put("classes", classes.size());
        ArrayNode h = res.putArray("histogram");
        hist.forEach((size, count) -> h.addArray().add(size).add(count));
        res.put("k", k);
        ObjectNode p = res.putObject("prosecutor");
        long atRisk = classes.values().stream().filter(s -> 1.0 / s > 0.2).mapToLong(Integer::longValue).sum();
        p.put("recordsAtRisk", (double) atRisk / n);
        p.put("highest", 1.0 / k);
        p.put("successRate", (double) classes.size() / n);
        long uniques = classes.values().stream().filter(s -> s == 1).count();
        res.put("sampleUniqueness", (double) uniques / n);
        ArrayNode risky = res.putArray("riskiestClasses");
        classes.entrySet().stream().filter(e -> e.getValue() == k).forEach(e -> {
            ObjectNode o = risky.addObject();
            o.put("values", e.getKey());
            o.put("size", e.getValue());
        });
        LaneInputs read = LaneInputs.builder().put("data", in.ref()).build();
        res.put("lane", LANE);
        res.set("inputs", read.toJson());
        return new LaneResult<>(LANE, request, read, res.toString(), res.toString());
    }
}
