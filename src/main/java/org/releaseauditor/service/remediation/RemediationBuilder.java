package org.releaseauditor.service.remediation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.service.LaneRequestBuilder;
import org.releaseauditor.service.RequestJson;

/**
 * What the builders of the three remediation requests share: the lane request of the audit with
 * the locations of its inputs, the policy, whether WARN rules must hold, and where the copies go.
 * Each lane's own remediation options and their defaults stay in the lane's builder; the one
 * default defined here is shared by all three ({@code warnAsFail} off). A null argument leaves a
 * value as it is, so a front end passes exactly what the user gave.
 *
 * @param <Q> the lane request of the audit
 * @param <B> the lane's builder, returned by every setter
 */
abstract class RemediationBuilder<Q extends LaneRequest, B extends RemediationBuilder<Q, B>> {

    Q analysis;
    final Map<String, String> analysisInputs = new LinkedHashMap<>();
    String policy;
    boolean warnAsFail = false;
    final Map<String, String> outputs = new LinkedHashMap<>();

    RemediationBuilder() {
    }

    /** A builder holding the shared values of an existing request (its input and output locations are not kept). */
    RemediationBuilder(Q analysis, String policy, boolean warnAsFail) {
        this.analysis = analysis;
        this.policy = policy;
        this.warnAsFail = warnAsFail;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The lane request of the audit. */
    public B analysis(Q request) {
        if (request != null) {
            analysis = request;
        }
        return self();
    }

    /** The lane request with the locations of its inputs. */
    public B analysis(LaneCall<Q> call) {
        if (call != null) {
            analysis = call.request();
            analysisInputs.putAll(call.inputs());
        }
        return self();
    }

    /** The policy: a built-in id or a policy file (blank: none). */
    public B policy(String ref) {
        policy = LaneRequestBuilder.optionalName(ref, policy);
        return self();
    }

    /** Whether the policy's WARN rules must hold as well. */
    public B warnAsFail(Boolean w) {
        if (w != null) {
            warnAsFail = w;
        }
        return self();
    }

    /** The single copy ({@link RemediationCall#COPY}) goes to {@code file}; null keeps the default. */
    B copyTo(String file) throws ConfigurationException {
        if (file != null) {
            if (file.isBlank()) {
                throw new ConfigurationException("lane.error.emptyLocation", RemediationCall.COPY);
            }
            outputs.put(RemediationCall.COPY, file.strip());
        }
        return self();
    }

    /** A usage error when no policy was given. */
    void requirePolicy(String lane) throws ConfigurationException {
        if (policy == null) {
            throw new ConfigurationException("remediation.request.noPolicy", lane);
        }
    }

    /**
     * One of {@code choices}, as given (stripped, lower case); {@code messageKey} names the usage
     * error otherwise (arguments: the value as given and the choices).
     */
    static String choice(String given, List<String> choices, String messageKey) throws ConfigurationException {
        String v = given.strip().toLowerCase(Locale.ROOT);
        if (!choices.contains(v)) {
            throw new ConfigurationException(messageKey, given, String.join(", ", choices));
        }
        return v;
    }

    /** Parses the lane request inside a remediation request. */
    @FunctionalInterface
    interface AnalysisParser<Q> {
        Q fromJson(String json) throws ConfigurationException;
    }

    /**
     * Reads the part of a remediation request JSON every lane has ({@code kind}, {@code lane},
     * {@code remediationVersion}, {@code analysis}, {@code policy}) into {@code b}.
     *
     * @return the reader, for the lane's own fields and {@link RequestJson.Reader#finish()}
     */
    static <Q extends LaneRequest> RequestJson.Reader readCommon(String json, String lane,
            RemediationBuilder<Q, ?> b, AnalysisParser<Q> parser) throws ConfigurationException {
        ObjectNode n = RequestJson.parseObject(json, "remediation request");
        RequestJson.Reader r = Remediations.header(n, lane);
        ObjectNode analysis = r.object("analysis");
        if (analysis == null) {
            throw new ConfigurationException("remediation.request.noAnalysis", lane);
        }
        b.analysis(parser.fromJson(analysis.toString()));
        b.policy(r.string("policy"));
        return r;
    }
}
