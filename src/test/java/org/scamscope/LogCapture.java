package org.scamscope;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every log event of every logger at INFO and above, with its exception, while open; and what
 * goes straight to standard error or output.
 */
public final class LogCapture implements AutoCloseable {
    private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final AbstractAppender appender;
    private final PrintStream err = System.err;
    private final PrintStream out = System.out;
    private final ByteArrayOutputStream direct = new ByteArrayOutputStream();

    public LogCapture() {
        appender = new AbstractAppender("leak-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent e) {
                StringBuilder b = new StringBuilder(e.getLoggerName()).append(": ").append(e.getMessage().getFormattedMessage());
                if (e.getThrown() != null) {
                    StringWriter w = new StringWriter();
                    e.getThrown().printStackTrace(new PrintWriter(w));
                    b.append('\n').append(w);
                }
                lines.add(b.toString());
            }
        };
        appender.start();
        Configuration config = context.getConfiguration();
        config.addAppender(appender);
        LoggerConfig root = config.getRootLogger();
        root.setLevel(Level.INFO);
        // Loggers with a level of their own (Spark's noisy ones set to ERROR) are opened up as well;
        // the lines go to the capture alone, not to the console as well.
        Set<LoggerConfig> all = new LinkedHashSet<>(config.getLoggers().values());
        all.add(root);
        for (LoggerConfig l : all) {
            for (String other : List.copyOf(l.getAppenders().keySet())) l.removeAppender(other);
            l.addAppender(appender, Level.ALL, null);
            if (l != root && l.getLevel() != null && l.getLevel().isMoreSpecificThan(Level.INFO)) l.setLevel(Level.INFO);
        }
        context.updateLoggers();
        PrintStream capture = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                direct.write(b);
            }
        }, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
    }

    public List<String> lines() {
        List<String> all = new ArrayList<>(lines);
        all.addAll(direct.toString(StandardCharsets.UTF_8).lines().toList());
        return all;
    }

    @Override
    public void close() {
        System.setErr(err);
        System.setOut(out);
        appender.stop();
        // The configuration as the file says, appenders and levels included.
        context.reconfigure();
    }
}
