package sipdesk.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.address.SipUri;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.SipStack;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;

/**
 * Every SIP message the stack sends or receives passes here (gov.nist.javax.sip.SERVER_LOGGER; the
 * stack makes one instance per stack). It goes to the message trace ({@code sipdesk.sip.messages}:
 * FINE, or INFO when the account's {@code traceMessages} is on) with credentials redacted (the stock
 * server log prints Authorization headers in full, LIBRARIES.md), and to the stack's
 * {@link MessageFlows}. The stack finds no way to hand us objects, so {@link JainSipSignalling}
 * {@linkplain #attach attaches} them under the stack's unique STACK_NAME before creating it.
 */
public final class JulServerLogger implements ServerLogger {
    private static final Logger LOG = Logger.getLogger("sipdesk.sip.messages");

    /** What one stack's messages feed. */
    record Taps(boolean trace, MessageFlows flows) {}

    private static final Taps NONE = new Taps(false, null);
    private static final Map<String, Taps> BY_STACK = new ConcurrentHashMap<>();

    private volatile Taps taps = NONE;
    /**
     * The stack logs a received response twice (the channel on arrival, the client transaction when
     * it takes it): the last few received messages, by identity, so each is logged and recorded once.
     */
    private final SIPMessage[] recentlyReceived = new SIPMessage[16];
    private int nextReceived;

    public JulServerLogger() {}

    static void attach(String stackName, Taps taps) {
        BY_STACK.put(stackName, taps);
    }

    static void detach(String stackName) {
        BY_STACK.remove(stackName);
    }

    private void log(SIPMessage message, String from, String to, boolean sender) {
        if (!sender && !firstSight(message)) return;
        Taps t = taps;
        if (t.flows() != null) recordStep(t.flows(), message, from, to, sender);
        Level level = t.trace() ? Level.INFO : Level.FINE;
        if (!LOG.isLoggable(level)) return;
        LOG.log(level, (sender ? "sent " : "received ") + from + " -> " + to + "\n" + Redaction.redact(message.encode()));
    }

    private synchronized boolean firstSight(SIPMessage message) {
        for (SIPMessage m : recentlyReceived) if (m == message) return false;
        recentlyReceived[nextReceived] = message;
        nextReceived = (nextReceived + 1) % recentlyReceived.length;
        return true;
    }

    private static void recordStep(MessageFlows flows, SIPMessage m, String from, String to, boolean sender) {
        if (m.getCallId() == null) return;
        String label;
        boolean invite = false;
        MessageFlows.Ordering order = null;
        if (m instanceof SIPRequest r) {
            invite = Request.INVITE.equals(r.getMethod());
            label = r.getMethod() + " " + withoutParameters(r.getRequestURI());
            if (sender && r.getCSeq() != null) {
                long number = r.getCSeq().getSeqNumber();
                order = Request.ACK.equals(r.getMethod()) ? new MessageFlows.SentAck(number + " " + Request.INVITE)
                        : new MessageFlows.SentRequest(number + " " + r.getMethod());
            }
        } else if (m instanceof SIPResponse r) {
            CSeqHeader cseq = r.getCSeq();
            label = r.getStatusCode() + " " + r.getReasonPhrase() + (cseq == null ? "" : " (" + cseq.getMethod() + ")");
            if (!sender && cseq != null) {
                order = new MessageFlows.ReceivedResponse(cseq.getSeqNumber() + " " + cseq.getMethod(),
                        r.getStatusCode(), System.currentTimeMillis());
            }
        } else {
            return;
        }
        flows.record(m.getCallId().getCallId(), invite, user(m.getFrom() == null ? null : m.getFrom().getAddress().getURI()),
                user(m.getTo() == null ? null : m.getTo().getAddress().getURI()), new MessageFlows.Step(label, from, to), order);
    }

    /** The Request-URI as the tables show it: {@code sip:1005@sipdesk.test}, no parameters. */
    private static String withoutParameters(URI uri) {
        if (uri instanceof SipUri s) {
            return s.getScheme() + ":" + (s.getUser() == null ? "" : s.getUser() + "@") + s.getHost()
                    + (s.getPort() > 0 ? ":" + s.getPort() : "");
        }
        return String.valueOf(uri);
    }

    private static String user(URI uri) {
        if (uri instanceof SipUri s) return s.getUser() != null ? s.getUser() : s.getHost();
        return uri == null ? "?" : uri.toString();
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

    @Override
    public void setStackProperties(Properties stackProperties) {
        String name = stackProperties.getProperty("javax.sip.STACK_NAME");
        if (name != null) taps = BY_STACK.getOrDefault(name, NONE);
    }

    @Override public void setSipStack(SipStack sipStack) {}
}
