package org.releaseauditor.cli;

import java.time.Duration;
import org.releaseauditor.service.cases.CaseService;
import picocli.CommandLine.Option;

/**
 * Mixin of every command that writes to a case: {@code --wait SECONDS}, how long a write waits
 * when another writer is busy. The default is the case service's, shown in the help through the
 * defaults bundle, so it is defined once.
 */
public final class BusyWaitOption {

    @Option(names = "--wait", paramLabel = "SECONDS",
            description = "How long to wait when another writer is busy with the case (default: ${bundle:default.case.wait} s).")
    Integer seconds;

    /** The wait limit: the given seconds, or the case service's default. */
    Duration duration() {
        return seconds == null ? CaseService.defaultBusyWait() : Duration.ofSeconds(Math.max(0, seconds));
    }
}
