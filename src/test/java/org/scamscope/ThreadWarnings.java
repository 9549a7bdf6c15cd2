package org.scamscope;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WARN and ERROR events logged on the thread that opened it, while open. Unlike LogCapture it
 * changes no level, appender or stream: test classes that run beside it log as they did, and their
 * warnings are not taken for this thread's.
 */
public final class ThreadWarnings implements AutoCloseable {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final AbstractAppender appender;

    public ThreadWarnings() {
        String thread = Thread.currentThread().getName();
        appender = new AbstractAppender("thread-warnings-" + COUNT.incrementAndGet(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent e) {
                if (thread.equals(e.getThreadName())) lines.add(e.getLoggerName() + ": " + e.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        context.getConfiguration().getRootLogger().addAppender(appender, Level.WARN, null);
        context.updateLoggers();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
