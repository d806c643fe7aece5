package org.releaseauditor.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The logging set-up of the command line and the tests: warnings and errors to stderr, never a
 * cell value or a raw record. Logback finds it as a service before it looks for a configuration
 * file; it is built in code because reading an XML file (a parser, the Joran model) cost about a
 * tenth of a second of CPU on every call. An explicit {@code -Dlogback.configurationFile} (the
 * desktop app's {@code logback-gui.xml}) or a {@code logback-test.xml} on the class path still
 * wins: this configurator then steps aside.
 *
 * <p>{@code -Dreleaseauditor.log.level=INFO} (or DEBUG, TRACE) shows more of this app's messages.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

    /** Public, for the service loader. */
    public ConsoleLogging() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || ConsoleLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("org.releaseauditor").setLevel(appLevel());
        // PDFBox warns about every standard PDF font the OS lacks; the report embeds DejaVu instead
        context.getLogger("org.apache.pdfbox").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code releaseauditor.log.level} (a system property, else the environment), WARN without it. */
    static Level appLevel() {
        String v = System.getProperty("releaseauditor.log.level");
        if (v == null) {
            v = System.getenv("releaseauditor.log.level");
        }
        return v == null ? Level.WARN : Level.toLevel(v.trim(), Level.DEBUG);
    }
}
