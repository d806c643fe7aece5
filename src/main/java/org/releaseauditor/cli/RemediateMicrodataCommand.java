package org.releaseauditor.cli;

import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.service.remediation.MicrodataRemediationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code release-auditor remediate microdata}: least generalisation and suppression that passes, re-audited. */
@Command(name = "microdata", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search the least generalisation of the quasi-identifiers (along their hierarchies) plus "
                + "record suppression that makes the release pass the policy; write the copy and re-audit it through the "
                + "microdata lane with the same options. The lane options are those of 'analyze microdata'."},
        footer = {"", "Example:",
            "  release-auditor remediate microdata --data sample-datasets/microdata/customers.csv \\",
            "      --qi age,gender,postcode_area --drop customer_id --policy min-group-5 --write customers_remediated.csv",
            "", "Exit codes: 0 a passing change was found and its copy passes the re-audit; 1 none was found or the",
            "re-audit fails; 2 usage error; 3 input error; 130 cancelled."})
public final class RemediateMicrodataCommand extends RemediateCommandBase {
    @Mixin
    MicrodataOptions lane;

    @Mixin
    RemediateMicrodataOptions remediation;

    @Override
    public Integer call() throws AuditException {
        // lane options that belong to analyze only: refused before any work, never silently ignored
        if (lane.summary != null) {
            throw new org.releaseauditor.core.error.ConfigurationException("remediate.error.summary");
        }
        if (lane.perRecord != null || lane.revealValues) {
            throw new org.releaseauditor.core.error.ConfigurationException("remediate.error.perRecord");
        }
        return run(remediation.build(lane.build(null)),
                new MicrodataRemediationService()::run);
    }
}
