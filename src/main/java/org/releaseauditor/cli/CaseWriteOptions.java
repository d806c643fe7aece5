package org.releaseauditor.cli;

import java.nio.file.Path;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.service.cases.CaseService;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Mixin of the case commands that record something: the case file, the recorded actor, the busy wait. */
public final class CaseWriteOptions {

    @Parameters(index = "0", paramLabel = "CASE", description = "The case file.")
    Path caseFile;

    @Option(names = "--actor", description = "Who is recorded as actor (default: OS user).")
    String actor;

    @Mixin
    BusyWaitOption busyWait;

    /** Opens the case for writing with the actor set. */
    CaseService open(CommandSpec spec) throws AuditException {
        CaseService cs = CaseCli.openForWriting(caseFile, spec, busyWait);
        cs.setActor(actor);
        return cs;
    }
}
