package org.releaseauditor.service.cases;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is recorded with a run besides the result: column roles per input role (for example
 * {@code data} → {@code age} → {@code QUASI_IDENTIFIER}) and the attacker model the settings came
 * from (a GUI preset's name and its parameters as JSON).
 *
 * @param columnRoles  input role → column → role name ({@code core.model.AttributeRole})
 * @param attackerName the attacker model's name (for example the preset "Prosecutor"), or null
 * @param attackerJson the attacker model as JSON (for example the preset's parameters), or null
 */
public record RecordOptions(Map<String, Map<String, String>> columnRoles, String attackerName, String attackerJson) {

    public RecordOptions {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        columnRoles.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        columnRoles = java.util.Collections.unmodifiableMap(copy);
    }

    /** Nothing besides the run. */
    public static RecordOptions none() {
        return new RecordOptions(Map.of(), null, null);
    }

    /** A copy with the column roles of one input role. */
    public RecordOptions withRoles(String inputRole, Map<String, String> roles) {
        Map<String, Map<String, String>> m = new LinkedHashMap<>(columnRoles);
        m.put(inputRole, roles);
        return new RecordOptions(m, attackerName, attackerJson);
    }

    /** A copy with the attacker model. */
    public RecordOptions withAttacker(String name, String json) {
        return new RecordOptions(columnRoles, name, json);
    }
}
