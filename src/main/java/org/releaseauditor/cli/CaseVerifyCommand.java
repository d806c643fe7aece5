package org.releaseauditor.cli;

import picocli.CommandLine.Command;

/** {@code case verify CASE [--data-dir DIR]}: the same as {@code release-auditor verify}. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a case: hash chain, rows and data files. Exit 0 only if everything holds.")
public final class CaseVerifyCommand extends VerifyCommand {
}
