package sipdesk.sip;

import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetAddress;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.AcceptHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The one {@link SipListener}: runs on JAIN-SIP's event scanner thread, does only what must happen
 * there (claim the server transaction so retransmissions are absorbed) and hands everything else to
 * the SIP worker thread: requests to one small processor per method, responses to the handler stored
 * on their client transaction.
 */
final class MessageDispatcher implements SipListener {

    /** Handles one request method; runs on the SIP worker thread. {@code st} is null for ACK. */
    @FunctionalInterface
    interface RequestProcessor {
        void process(RequestEvent event, ServerTransaction st) throws Exception;
    }

    /** Methods we know but do not take (RFC 3261 §8.2.1: 405 with Allow), unlike unknown ones (501). */
    private static final Set<String> KNOWN_UNSUPPORTED =
            Set.of("SUBSCRIBE", "PUBLISH", "MESSAGE", "UPDATE", "PRACK", "REGISTER");

    private final SipContext ctx;
    private final Registration registration;
    private final Map<String, RequestProcessor> processors;
    private final Set<InetAddress> trusted;

    MessageDispatcher(SipContext ctx, Registration registration, Map<String, RequestProcessor> processors,
                      Set<InetAddress> trusted) {
        this.ctx = ctx;
        this.registration = registration;
        this.processors = Map.copyOf(processors);
        this.trusted = Set.copyOf(trusted);
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request r = event.getRequest();
        ServerTransaction st = event.getServerTransaction();
        if (st == null && answeredStatelessly(r.getMethod())) {
            run(() -> answerStatelessly(event));
            return;
        }
        if (st == null && !Request.ACK.equals(r.getMethod())) {
            try {
                st = ctx.provider.getNewServerTransaction(r);
            } catch (TransactionAlreadyExistsException e) {
                return; // a retransmission the transaction layer already answers
            } catch (TransactionUnavailableException e) {
                // e.g. a dialog-creating request without Contact: answer statelessly, not silence.
                SipContext.LOG.warning("no server transaction for " + r.getMethod() + ": " + e.getMessage());
                answerStatelessly(r, e.getMessage());
                return;
            }
        }
        ServerTransaction tx = st;
        run(() -> route(event, tx));
    }

    /**
     * RFC 3261 §8.2.7: a UAS may answer non-INVITE requests statelessly. OPTIONS (a PBX's keep-alive
     * ping, or a scanner's) and methods we refuse anyway never take a server transaction, so a flood
     * of them cannot fill the table MAX_SERVER_TRANSACTIONS bounds: past that mark the stack drops
     * every new request, INVITEs included, until transactions expire (Timer J: 32 s on UDP).
     */
    private boolean answeredStatelessly(String method) {
        return Request.OPTIONS.equals(method) || !processors.containsKey(method) && !Request.ACK.equals(method);
    }

    private void answerStatelessly(RequestEvent event) throws Exception {
        Request r = event.getRequest();
        Response resp;
        if (outOfDialog(r) && !trustedSource(r)) {
            resp = ctx.response(Response.FORBIDDEN, r, ctx.tag());
        } else if (Request.OPTIONS.equals(r.getMethod())) {
            resp = okToOptions(ctx, r);
        } else {
            int code = KNOWN_UNSUPPORTED.contains(r.getMethod()) ? Response.METHOD_NOT_ALLOWED : Response.NOT_IMPLEMENTED;
            resp = ctx.response(code, r, ctx.tag());
            ctx.addAllow(resp);
        }
        ctx.provider.sendResponse(resp);
    }

    private void answerStatelessly(Request r, String why) {
        try {
            Response bad = ctx.messages.createResponse(Response.BAD_REQUEST, r);
            bad.setReasonPhrase(MessageParserGuard.reason(why));
            ctx.provider.sendResponse(bad);
        } catch (Exception e) {
            SipContext.LOG.fine("cannot answer " + r.getMethod() + " statelessly: " + e);
        }
    }

    private void route(RequestEvent event, ServerTransaction st) throws Exception {
        Request r = event.getRequest();
        String method = r.getMethod();
        if (st != null && outOfDialog(r) && !trustedSource(r)) {
            st.sendResponse(ctx.response(Response.FORBIDDEN, r, null));
            return;
        }
        RequestProcessor p = processors.get(method);
        if (p != null) {
            p.process(event, st);
        } else if (st != null) {
            int code = KNOWN_UNSUPPORTED.contains(method) ? Response.METHOD_NOT_ALLOWED : Response.NOT_IMPLEMENTED;
            Response resp = ctx.response(code, r, null);
            ctx.addAllow(resp);
            st.sendResponse(resp);
        }
    }

    private static boolean outOfDialog(Request r) {
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        return to.getTag() == null && !Request.CANCEL.equals(r.getMethod());
    }

    /** sip_trust_ctrl: while registered, out-of-dialog requests only from our servers (else 403). */
    private boolean trustedSource(Request r) {
        if (!ctx.account.trustedServersOnly() || !registration.registered()) return true;
        InetAddress source = ((SIPMessage) r).getPeerPacketSourceAddress();
        if (source == null) source = ((SIPMessage) r).getRemoteAddress();
        return source != null && trusted.contains(source);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        if (ct == null) {
            strayResponse(event);
            return;
        }
        if (ct.getApplicationData() instanceof ResponseHandler h) run(() -> h.onResponse(event));
    }

    /** A 2xx retransmission or a forked 2xx with no transaction left: re-ACK it through its dialog. */
    private void strayResponse(ResponseEvent event) {
        Dialog d = event.getDialog();
        Response r = event.getResponse();
        if (d == null || r.getStatusCode() / 100 != 2 || d.getState() == DialogState.TERMINATED) return;
        run(() -> {
            long cseq = ((javax.sip.header.CSeqHeader) r.getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber();
            d.sendAck(d.createAck(cseq));
        });
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction() && event.getClientTransaction().getApplicationData() instanceof ResponseHandler h) {
            run(() -> h.onNoResponse("timeout"));
        }
    }

    /** A broken transport, e.g. a stale TCP socket after failover: register afresh (LIBRARIES.md). */
    @Override
    public void processIOException(IOExceptionEvent event) {
        SipContext.LOG.warning("transport error towards " + event.getHost() + ":" + event.getPort() + "/" + event.getTransport());
        run(registration::reRegister);
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {}

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {}

    private interface Work {
        void run() throws Exception;
    }

    private void run(Work work) {
        try {
            ctx.worker.execute(() -> {
                try {
                    work.run();
                } catch (Exception e) {
                    SipContext.LOG.log(Level.WARNING, "SIP processing failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing: nothing more to do
        }
    }

    /** OPTIONS: 200 with what we accept (RFC 3261 §11.2), with a To tag (§8.2.6.2). */
    static Response okToOptions(SipContext ctx, Request r) throws java.text.ParseException {
        Response ok = ctx.response(Response.OK, r, ctx.tag());
        ctx.addAllow(ok);
        AcceptHeader accept = ctx.headers.createAcceptHeader("application", "sdp");
        ok.addHeader(accept);
        return ok;
    }
}
