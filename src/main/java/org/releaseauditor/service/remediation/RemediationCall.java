package org.releaseauditor.service.remediation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A remediation request with where its inputs are and where its copies go, as a front end
 * collected them: input role → location ({@code data}, {@code hierarchy:COL}, {@code events},
 * {@code table:NAME}, …) and output role → file ({@code copy}, or {@code copy:NAME} per table). An
 * output not given gets its default name in the working directory.
 *
 * @param request the request
 * @param inputs  input role → location (a file path, or a dataset id of a case)
 * @param outputs output role → file path
 */
public record RemediationCall<R extends RemediationRequest>(R request, Map<String, String> inputs,
        Map<String, String> outputs) {

    /** Output role of the remediated copy (microdata, trajectories). */
    public static final String COPY = "copy";
    /** Output role prefix of the copy of one table (aggregates): {@code copy:NAME}. */
    public static final String COPY_OF = "copy:";

    public RemediationCall {
        Objects.requireNonNull(request, "request");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }
}
