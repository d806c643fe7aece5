package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.FakeMicrodataLane;
import org.releaseauditor.service.LaneRegistry;
import org.slf4j.LoggerFactory;

/** A full audit at TRACE level: no log line may contain a cell value of the dataset. */
class NoCellValuesInLogsTest {

    @TempDir
    Path dir;

    @Test
    void noLogLineContainsACellValue() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger app = (Logger) LoggerFactory.getLogger("org.releaseauditor");
        Level rootLevel = root.getLevel();
        Level appLevel = app.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        // capture only: the console appender would print every TRACE line of the run
        List<ch.qos.logback.core.Appender<ILoggingEvent>> console = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(console::add);
        console.forEach(root::detachAppender);
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
        app.setLevel(Level.TRACE);
        LaneRegistry.global().register(new FakeMicrodataLane());
        Messages.setLocale(Locale.ENGLISH);
        try {
            Path data = dir.resolve("release.csv");
            Files.writeString(data, CaseCliTest.CSV, StandardCharsets.UTF_8);
            Path rcase = dir.resolve("privacy.rcase");
            CaseCliTest.scriptedAudit(rcase, data);
            assertEquals(0, CaseCliTest.cli("case", "show", rcase.toString(), "--events").code());
            assertEquals(0, CaseCliTest.cli("verify", rcase.toString()).code());
            assertEquals(0, CaseCliTest.cli("report", rcase.toString(), "--out", dir.resolve("r.html").toString())
                    .code());
            assertEquals(0, CaseCliTest.cli("report", rcase.toString(), "--format", "pdf", "--out",
                    dir.resolve("r.pdf").toString()).code());
            // a changed file and a refused decision are logged too
            Files.writeString(data, CaseCliTest.CSV + "60-69,Mitte,Asthma\n", StandardCharsets.UTF_8);
            CaseCliTest.cli("case", "decide", rcase.toString(), "--outcome", "reject", "--rationale", "r",
                    "--auditor", "Dana");
            CaseCliTest.cli("verify", rcase.toString());
        } finally {
            root.detachAppender(appender);
            console.forEach(root::addAppender);
            root.setLevel(rootLevel);
            app.setLevel(appLevel);
            LaneRegistry.global().unregister(FakeMicrodataLane.LANE);
        }
        Set<String> values = new LinkedHashSet<>();
        for (String line : (CaseCliTest.CSV + "60-69,Mitte,Asthma\n").strip().lines().skip(1).toList()) {
            values.addAll(List.of(line.split(",")));
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : appender.list) {
            lines.add(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                lines.add(String.valueOf(t.getMessage()));
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("run 1 recorded")), "the run was logged: " + lines);
        for (String line : lines) {
            for (String v : values) {
                assertTrue(!line.contains(v), "cell value '" + v + "' in log line: " + line);
            }
        }
    }
}
