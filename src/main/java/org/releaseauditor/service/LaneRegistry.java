package org.releaseauditor.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.service.aggregates.AggregatesLane;
import org.releaseauditor.service.microdata.MicrodataLane;
import org.releaseauditor.service.trajectories.TrajectoriesLane;

/**
 * The lanes that can run inside a case. One process-wide registry ({@link #global()}) is filled
 * at start-up; tests may build their own.
 */
public final class LaneRegistry {

    private static final LaneRegistry GLOBAL = new LaneRegistry().register(new MicrodataLane())
            .register(new TrajectoriesLane())
            .register(new AggregatesLane());

    private final Map<String, LaneAnalysis> lanes = new ConcurrentHashMap<>();

    /** The application-wide registry. */
    public static LaneRegistry global() {
        return GLOBAL;
    }

    /** Registers (or replaces) a lane under {@link LaneAnalysis#lane()}. */
    public LaneRegistry register(LaneAnalysis lane) {
        lanes.put(lane.lane(), lane);
        return this;
    }

    /** Removes a lane (tests). */
    public void unregister(String lane) {
        lanes.remove(lane);
    }

    public Optional<LaneAnalysis> find(String lane) {
        return Optional.ofNullable(lanes.get(lane));
    }

    /** The lane, or a usage error naming the registered lanes. */
    public LaneAnalysis require(String lane) throws ConfigurationException {
        LaneAnalysis l = lanes.get(lane);
        if (l == null) {
            throw new ConfigurationException("case.error.unknownLane", lane,
                    lanes.isEmpty() ? "-" : String.join(", ", names()));
        }
        return l;
    }

    /** Registered lane names, sorted. */
    public List<String> names() {
        return lanes.keySet().stream().sorted().toList();
    }
}
