package org.releaseauditor.ui.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.releaseauditor.audit.PolicyJson;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.service.policy.PolicyService;

/**
 * Built-in policies are shown by a name in the session's language (issue 13 part 5), while their
 * ids, files and JSON keep the English title.
 */
class PolicyDisplayTitleTest {

    @AfterEach
    void reset() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void everyBuiltInHasAGermanNameAndKeepsItsId() throws Exception {
        List<PolicyProfile> all = new PolicyService().builtIns();
        assertEquals(PolicyJson.BUILT_IN_IDS.size(), all.size());
        for (PolicyProfile p : all) {
            String en = p.displayTitle(Locale.ENGLISH);
            String de = p.displayTitle(Locale.GERMAN);
            assertTrue(Messages.has("policy.name." + p.id()), p.id());
            assertNotEquals(en, de, p.id() + " has no German name");
            assertTrue(PolicyJson.BUILT_IN_IDS.contains(p.id()));
        }
        PolicyProfile minGroup = new PolicyService().load("min-group-5");
        assertEquals("Minimum group 5", minGroup.title(), "the file's title stays English");
        assertEquals("Mindestgruppe 5", minGroup.displayTitle(Locale.GERMAN));
        Messages.setLocale(Locale.GERMAN);
        PolicyChoice c = PolicyChoice.builtIns().stream().filter(x -> x.ref().equals("min-group-5")).findFirst()
                .orElseThrow();
        assertEquals("Mindestgruppe 5", c.toString());
    }

    @Test
    void aPolicyFromAFileKeepsItsTitle() {
        PolicyProfile own = new PolicyProfile("house-rules", "2", "House rules", "", "", List.of(
                new org.releaseauditor.core.policy.PolicyRule("prosecutor.highest",
                        org.releaseauditor.core.policy.Operator.LE, 0.2,
                        org.releaseauditor.core.policy.Severity.FAIL, "policy.explain.highest")));
        assertEquals("House rules", own.displayTitle(Locale.GERMAN));
        assertEquals("house-rules", new PolicyProfile("house-rules", "2", "", "", "", own.rules())
                .displayTitle(Locale.ENGLISH));
    }
}
