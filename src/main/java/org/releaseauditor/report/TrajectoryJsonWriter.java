package org.releaseauditor.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.trajectory.AnonymitySets;
import org.releaseauditor.core.trajectory.AttackResult;
import org.releaseauditor.core.trajectory.SweepResult;
import org.releaseauditor.core.trajectory.TopPlaces;
import org.releaseauditor.core.trajectory.UnicityResult;

/**
 * Writes trajectory results as JSON, schema version 2 ({@code src/docs/schema/trajectories-v2.md}):
 * version 2 names the lane in {@code "lane"} like the other lanes (version 1 said {@code "kind"}).
 */
public final class TrajectoryJsonWriter {

    /** The schema version written. */
    public static final int SCHEMA_VERSION = 2;

    private TrajectoryJsonWriter() {
    }

    /** Everything the writers need; built by the service. {@code areaMap} rows are lat, lng, users, uniqueUsers, points. */
    public record Model(String dataset, int users, int events, int locations, int areas, int points, String spatial,
            String temporal, String zone, UnicityResult unicity, SweepResult sweep, List<AttackResult> attacks,
            List<AnonymitySets> homeWork, List<TopPlaces.TopNResult> topN, List<double[]> areaMap) {
    }

    public static void write(String name, Model m, Writer out) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        mapper.writeValue(out, tree(m));
        out.write(System.lineSeparator());
        out.flush();
    }

    /** The JSON tree as ordered maps and lists. */
    public static Map<String, Object> tree(Model m) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("lane", "trajectories");
        root.put("dataset", m.dataset());
        root.put("users", m.users());
        root.put("events", m.events());
        root.put("locations", m.locations());
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("spatial", m.spatial());
        res.put("temporal", m.temporal());
        res.put("zone", m.zone());
        res.put("areas", m.areas());
        res.put("points", m.points());
        root.put("resolution", res);
        Map<String, Object> us = new LinkedHashMap<>();
        us.put("exact", m.unicity().exact());
        us.put("seed", m.unicity().seed());
        us.put("withAttributes", m.unicity().withAttributes());
        root.put("unicitySettings", us);
        List<Object> rows = new ArrayList<>();
        for (UnicityResult.Row r : m.unicity().rows()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("points", r.points());
            o.put("sampledUsers", r.sampledUsers());
            o.put("uniqueUsers", r.uniqueUsers());
            o.put("shortUsers", r.shortUsers());
            o.put("fraction", r.fraction());
            o.put("ciLow", r.ciLow());
            o.put("ciHigh", r.ciHigh());
            rows.add(o);
        }
        root.put("unicity", rows);
        if (m.sweep() != null) {
            SweepResult s = m.sweep();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("spatial", s.spatial());
            o.put("temporal", s.temporal());
            o.put("points", s.points());
            o.put("sampledUsers", s.sampledUsers());
            o.put("fraction", s.fraction());
            o.put("uniqueUsers", s.uniqueUsers());
            root.put("sweep", o);
        } else {
            root.put("sweep", null);
        }
        List<Object> attacks = new ArrayList<>();
        for (AttackResult a : m.attacks()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("attack", a.attack().id());
            o.put("k", a.k());
            o.put("tolerance", a.tolerance());
            o.put("mode", a.mode().id());
            o.put("evaluatedUsers", a.evaluatedUsers());
            o.put("sampledUsers", a.sampledUsers());
            o.put("instances", a.instances());
            o.put("meanRisk", a.meanRisk());
            o.put("medianRisk", a.medianRisk());
            o.put("fractionRisk1", a.fractionRisk1());
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("edges", a.histogram().edges());
            h.put("counts", a.histogram().counts());
            o.put("histogram", h);
            attacks.add(o);
        }
        root.put("attacks", attacks);
        List<Object> hw = new ArrayList<>();
        for (AnonymitySets s : m.homeWork()) {
            hw.add(sets(s, null));
        }
        root.put("homeWork", hw);
        List<Object> top = new ArrayList<>();
        for (TopPlaces.TopNResult t : m.topN()) {
            top.add(sets(t.sets(), t.n()));
        }
        root.put("topN", top);
        List<Object> map = new ArrayList<>();
        for (double[] c : m.areaMap()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("lat", c[0]);
            o.put("lng", c[1]);
            o.put("users", (int) c[2]);
            o.put("uniqueUsers", (int) c[3]);
            o.put("points", (int) c[4]);
            map.add(o);
        }
        root.put("areaMap", map);
        return root;
    }

    private static Map<String, Object> sets(AnonymitySets s, Integer n) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (n != null) {
            o.put("n", n);
        }
        o.put("spatial", s.resolution());
        o.put("users", s.users());
        o.put("excludedUsers", s.excluded());
        o.put("medianSize", s.medianSize());
        o.put("fractionSize1", s.fractionSize1());
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("labels", s.sizeLabels());
        h.put("counts", s.sizeCounts());
        o.put("histogram", h);
        return o;
    }
}
