package org.releaseauditor.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.cases.CaseService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code case add-dataset CASE FILE [--schema JSON] [--role column=ROLE]...}. */
@Command(name = "add-dataset", mixinStandardHelpOptions = true,
        description = "Register a data file (CSV/TSV or SQLite, read to check it is a dataset): SHA-256, size, time and "
            + "schema (the data is not copied).")
public final class CaseAddDatasetCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    CaseWriteOptions target;

    @Parameters(index = "1", paramLabel = "FILE", description = "The data file.")
    Path data;

    @Option(names = "--schema", description = "Schema as JSON (default: what the importer detected).")
    String schema;

    @Option(names = "--role", paramLabel = "COLUMN=ROLE",
            description = "Record a column role, e.g. age=QUASI_IDENTIFIER (repeatable).")
    List<String> roles = List.of();

    @Override
    public Integer call() throws Exception {
        try (CaseService cs = target.open(spec)) {
            DatasetEntry d = cs.addDataset(data, schema, ProgressMonitor.none());
            for (String r : roles) {
                int eq = r.indexOf('=');
                if (eq <= 0) {
                    throw new ConfigurationException("case.error.badParam", r);
                }
                cs.assignRole(d.id(), r.substring(0, eq).strip(), r.substring(eq + 1).strip());
            }
            spec.commandLine().getOut().println(Messages.get("casecli.datasetAdded", d.id(), d.sha256(), d.sizeBytes()));
            CaseCli.printReceipt(spec.commandLine().getOut(), cs);
        }
        return ExitCodes.OK;
    }
}
