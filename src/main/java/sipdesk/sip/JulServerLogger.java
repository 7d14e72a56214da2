package sipdesk.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.SipStack;

/**
 * The stack's message trace ({@code sipdesk.sip.messages}, FINE), with credentials redacted: the
 * stock server log prints Authorization headers in full (LIBRARIES.md).
 */
public final class JulServerLogger implements ServerLogger {
    private static final Logger LOG = Logger.getLogger("sipdesk.sip.messages");

    public JulServerLogger() {}

    static boolean enabled() {
        return LOG.isLoggable(Level.FINE);
    }

    private static void log(SIPMessage message, String from, String to, boolean sender) {
        if (!LOG.isLoggable(Level.FINE)) return;
        LOG.fine((sender ? "sent " : "received ") + from + " -> " + to + "\n"
                + Redaction.redact(message.encode()));
    }

    @Override public void closeLogFile() {}

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        log(message, from, to, sender);
    }

    @Override public void logException(Exception ex) { LOG.log(Level.WARNING, "stack exception", ex); }
    @Override public void setStackProperties(Properties stackProperties) {}
    @Override public void setSipStack(SipStack sipStack) {}
}
