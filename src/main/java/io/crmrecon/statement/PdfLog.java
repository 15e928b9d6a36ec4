package io.crmrecon.statement;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's messages through SLF4J, so that the application's log levels apply to them
 * ({@code logging.level.com.openhtmltopdf}). Its own logger writes to the console past the log configuration: a
 * line for every font it loads, for every statement PDF.
 */
final class PdfLog implements XRLogger {

    /**
     * openhtmltopdf asks whether to log for every length it works out (a FINEST message each), thousands of times a
     * document: looking the logger up in Logback each time was 1.2 % of a statement PDF's time.
     */
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();

    private PdfLog() {
    }

    /** Installs it, once for the JVM (openhtmltopdf's logger is static). */
    static void install() {
        if (!(XRLog.getLoggerImpl() instanceof PdfLog)) {
            XRLog.setLoggerImpl(new PdfLog());
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        logger(where).atLevel(slf4j(level)).setCause(th).log(msg);
    }

    @Override
    public void setLevel(String logger, Level level) {
        // the levels are the log configuration's
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return logger(diagnostic.getLogMessageId().getWhere()).isEnabledForLevel(slf4j(diagnostic.getLevel()));
    }

    private Logger logger(String where) {
        return loggers.computeIfAbsent(where, LoggerFactory::getLogger);
    }

    private static org.slf4j.event.Level slf4j(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return org.slf4j.event.Level.ERROR;
        } else if (value >= Level.WARNING.intValue()) {
            return org.slf4j.event.Level.WARN;
        } else if (value >= Level.INFO.intValue()) {
            return org.slf4j.event.Level.INFO;
        } else if (value >= Level.FINE.intValue()) {
            return org.slf4j.event.Level.DEBUG;
        }
        return org.slf4j.event.Level.TRACE;
    }
}
