package sipdesk.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JAIN-SIP's internal log, forwarded to java.util.logging ({@code sipdesk.sip.stack}). Keeps log4j
 * off the classpath (LIBRARIES.md: without a logger the stack fails to start). Stack debug text can
 * contain whole messages, so everything passes through {@link Redaction}.
 */
public final class JulStackLogger implements StackLogger {
    private static final Logger LOG = Logger.getLogger("sipdesk.sip.stack");

    public JulStackLogger() {}

    private static void log(Level level, String message, Throwable t) {
        if (LOG.isLoggable(level)) LOG.log(level, Redaction.redact(message), t);
    }

    private static Level level(int logLevel) {
        // The stack's INFO is chatty (one line per received message): FINE for us.
        if (logLevel >= TRACE_TRACE) return Level.FINEST;
        if (logLevel >= TRACE_DEBUG) return Level.FINER;
        if (logLevel >= TRACE_INFO) return Level.FINE;
        if (logLevel >= TRACE_WARN) return Level.WARNING;
        return Level.SEVERE;
    }

    @Override public void logStackTrace() {}
    @Override public void logStackTrace(int traceLevel) {}
    @Override public int getLineCount() { return 0; }
    @Override public void logException(Throwable ex) { log(Level.WARNING, "stack exception", ex); }
    @Override public void logDebug(String message) { log(Level.FINER, message, null); }
    @Override public void logDebug(String message, Exception ex) { log(Level.FINER, message, ex); }
    @Override public void logTrace(String message) { log(Level.FINEST, message, null); }
    @Override public void logFatalError(String message) { log(Level.SEVERE, message, null); }
    @Override public void logError(String message) { log(Level.SEVERE, message, null); }
    @Override public boolean isLoggingEnabled() { return LOG.isLoggable(Level.SEVERE); }
    /**
     * The stack asks with TRACE_MESSAGES (= TRACE_INFO, 16) before it hands a message to the server
     * logger: always yes, since the call-flow recorder wants every message and the trace switch is
     * per stack (this logger is shared: the stack keeps the last one created in a static field).
     */
    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel == TRACE_MESSAGES) return true;
        return LOG.isLoggable(level(logLevel));
    }
    @Override public void logError(String message, Exception ex) { log(Level.SEVERE, message, ex); }
    @Override public void logWarning(String message) { log(Level.WARNING, message, null); }
    @Override public void logInfo(String message) { log(Level.FINE, message, null); }
    @Override public void disableLogging() {}
    @Override public void enableLogging() {}
    @Override public void setBuildTimeStamp(String buildTimeStamp) {}
    @Override public void setStackProperties(Properties stackProperties) {}
    @Override public String getLoggerName() { return LOG.getName(); }
}
