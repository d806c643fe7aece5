package org.releaseauditor.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.releaseauditor.core.error.ConfigurationException;

/**
 * The input files of one lane call, named by role: {@code data} for microdata, {@code events}
 * for trajectories, {@code table:NAME}, {@code hierarchy:DIM}, {@code contributions:NAME},
 * {@code series:NAME:K} and {@code recovery} for aggregates; a lane added later defines its own
 * roles (for example {@code original}, {@code release}, {@code control}). Immutable; the order of
 * the roles is the order in which they were given.
 */
public final class LaneInputs {

    private static final LaneInputs NONE = new LaneInputs(Map.of());

    private final Map<String, DatasetRef> roles;

    private LaneInputs(Map<String, DatasetRef> roles) {
        this.roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
    }

    /** No inputs. */
    public static LaneInputs none() {
        return NONE;
    }

    /** One unread file under one role. */
    public static LaneInputs of(String role, Path file) {
        return builder().put(role, DatasetRef.of(file)).build();
    }

    /** Unread files by role (as a front end collected them). */
    public static LaneInputs ofPaths(Map<String, Path> files) {
        Builder b = builder();
        files.forEach((role, file) -> b.put(role, DatasetRef.of(file)));
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Role → file, in the order given. */
    public Map<String, DatasetRef> roles() {
        return roles;
    }

    public Optional<DatasetRef> get(String role) {
        return Optional.ofNullable(roles.get(role));
    }

    /** The file of a role, or a usage error naming the lane, the role and the option that gives it. */
    public DatasetRef require(String role, String lane, String option) throws ConfigurationException {
        DatasetRef r = roles.get(role);
        if (r == null) {
            throw new ConfigurationException("lane.error.missingInput", lane, role, option);
        }
        return r;
    }

    /** A copy with one role set (added at the end, or replaced in place). */
    public LaneInputs with(String role, DatasetRef ref) {
        Map<String, DatasetRef> m = new LinkedHashMap<>(roles);
        m.put(role, ref);
        return new LaneInputs(m);
    }

    public boolean isEmpty() {
        return roles.isEmpty();
    }

    /** {@code {"role": {"path": …, "sha256": …, "sizeBytes": …}, …}} in role order. */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        roles.forEach((role, ref) -> {
            ObjectNode o = n.putObject(role);
            o.put("path", ref.path().toString());
            o.put("sha256", ref.sha256());
            o.put("sizeBytes", ref.sizeBytes());
        });
        return n;
    }

    /** Reads {@link #toJson()} back; null or a non-object gives no inputs. */
    public static LaneInputs fromJson(JsonNode n) {
        Builder b = builder();
        if (n != null && n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode o = e.getValue();
                String path = o.path("path").asText(null);
                if (path == null) {
                    continue;
                }
                b.put(e.getKey(), new DatasetRef(Path.of(path), o.path("sha256").isTextual()
                        ? o.get("sha256").asText() : null, o.path("sizeBytes").asLong(-1)));
            }
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LaneInputs l && l.roles.equals(roles);
    }

    @Override
    public int hashCode() {
        return roles.hashCode();
    }

    @Override
    public String toString() {
        return "LaneInputs" + roles.keySet();
    }

    /** Collects roles in order. */
    public static final class Builder {
        private final Map<String, DatasetRef> roles = new LinkedHashMap<>();

        public Builder put(String role, DatasetRef ref) {
            roles.put(role, ref);
            return this;
        }

        public Builder put(String role, Path file) {
            return put(role, DatasetRef.of(file));
        }

        public LaneInputs build() {
            return new LaneInputs(roles);
        }
    }
}
