package org.releaseauditor.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.service.aggregates.AggregatesLane;
import org.releaseauditor.service.evaluation.EvaluationLane;
import org.releaseauditor.service.microdata.MicrodataLane;
import org.releaseauditor.service.trajectories.TrajectoriesLane;

/**
 * The lanes by name. One process-wide registry ({@link #global()}) holds the standard lanes;
 * tests may build their own. A new lane is a class implementing {@link Lane} in its own service
 * package, added to {@link #standard()}.
 */
public final class LaneRegistry {

    private static final LaneRegistry GLOBAL = standard();

    private final Map<String, Lane<?, ?>> lanes = new ConcurrentHashMap<>();

    /** The application-wide registry. */
    public static LaneRegistry global() {
        return GLOBAL;
    }

    /** A new registry with the standard lanes: microdata, trajectories, aggregates, evaluation. */
    public static LaneRegistry standard() {
        return new LaneRegistry().register(new MicrodataLane()).register(new TrajectoriesLane())
                .register(new AggregatesLane()).register(new EvaluationLane());
    }

    /** Registers (or replaces) a lane under {@link Lane#name()}. */
    public LaneRegistry register(Lane<?, ?> lane) {
        lanes.put(lane.name(), lane);
        return this;
    }

    /** Removes a lane (tests). */
    public void unregister(String lane) {
        lanes.remove(lane);
    }

    public Optional<Lane<?, ?>> find(String lane) {
        return Optional.ofNullable(lanes.get(lane));
    }

    /** The lane, or a usage error naming the registered lanes. */
    public Lane<?, ?> require(String lane) throws ConfigurationException {
        Lane<?, ?> l = lanes.get(lane);
        if (l == null) {
            throw new ConfigurationException("case.error.unknownLane", lane,
                    lanes.isEmpty() ? "-" : String.join(", ", names()));
        }
        return l;
    }

    /** A lane of a known type (a usage error when the name is unknown or of another type). */
    public <L extends Lane<?, ?>> L require(String lane, Class<L> type) throws ConfigurationException {
        Lane<?, ?> l = require(lane);
        if (!type.isInstance(l)) {
            throw new ConfigurationException("case.error.unknownLane", lane, String.join(", ", names()));
        }
        return type.cast(l);
    }

    /** Registered lane names, sorted. */
    public List<String> names() {
        return lanes.keySet().stream().sorted().toList();
    }
}
