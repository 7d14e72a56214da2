package sipdesk.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.address.Address;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import sipdesk.core.CallId;
import sipdesk.core.PhoneEvent.Answered;
import sipdesk.core.PhoneEvent.CallFailed;
import sipdesk.core.PhoneEvent.EarlyMedia;
import sipdesk.core.PhoneEvent.Redirected;
import sipdesk.core.PhoneEvent.Ringing;
import sipdesk.core.PhoneEvent.Trying;
import sipdesk.core.RedirectTarget;
import sipdesk.sip.SessionDescriptions.Direction;

/**
 * Our INVITEs (UAC side, RFC 3261 §13.2): Dial, FollowRedirect, CancelCall, and what their
 * responses mean for the core. SIP worker thread only.
 *
 * <p>A redirect is followed as a brand-new initial INVITE: new Call-ID, new From tag, CSeq 1, and
 * the account's own route (outbound proxy or registrar), never the route set of the redirected
 * attempt. Yealink's appendix shows a new Call-ID too; it keeps the two attempts apart in logs.
 */
final class OutgoingCalls {
    private final SipContext ctx;
    private final CallTable calls;
    /** Told the final code of each call attempt (to report a transfer we were asked to make). */
    private final java.util.function.ObjIntConsumer<String> outcome;

    OutgoingCalls(SipContext ctx, CallTable calls, java.util.function.ObjIntConsumer<String> outcome) {
        this.ctx = ctx;
        this.calls = calls;
        this.outcome = outcome;
    }

    void dial(CallId id, String target) {
        Optional<String> uri = DialTargets.toUri(target, ctx.account);
        if (uri.isEmpty()) {
            ctx.post(new CallFailed(id, 484, "Address Incomplete"));
            return;
        }
        CallLeg leg = new CallLeg(id, true, CallLeg.State.CALLING);
        calls.put(leg);
        invite(leg, uri.get());
    }

    /** RFC 3261 §8.1.3.4: the next target of the redirected call, as a new transaction and dialog. */
    void followRedirect(CallId id, String targetUri) {
        Optional<CallLeg> found = calls.get(id);
        CallLeg leg = found.orElseGet(() -> new CallLeg(id, true, CallLeg.State.CALLING));
        if (found.isPresent() && leg.state != CallLeg.State.REDIRECTED) {
            SipContext.LOG.warning("FollowRedirect for " + id + " in state " + leg.state + ": ignored");
            return;
        }
        leg.state = CallLeg.State.CALLING;
        leg.authAttempts = 0;
        leg.cancelRequested = false;
        leg.cancelSent = false;
        leg.dialog = null;
        calls.put(leg);
        invite(leg, DialTargets.toUri(targetUri, ctx.account).orElse(targetUri));
    }

    private void invite(CallLeg leg, String uri) {
        try {
            leg.targetUri = uri;
            // A Refer-To of an attended transfer carries ?Replaces=...: a header, not part of the R-URI.
            String replaces = null;
            int q = uri.indexOf('?');
            String plain = q < 0 ? uri : uri.substring(0, q);
            if (q >= 0) {
                for (String h : uri.substring(q + 1).split("&")) {
                    if (h.regionMatches(true, 0, "Replaces=", 0, 9))
                        replaces = java.net.URLDecoder.decode(h.substring(9), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            Address to = ctx.addresses.createAddress(plain);
            CallIdHeader callId = ctx.provider.getNewCallId();
            calls.reindex(leg, callId.getCallId());
            Request r = ctx.newRequest(Request.INVITE, to.getURI(), ctx.aor(), ctx.tag(), to, callId, 1);
            if (replaces != null) r.addHeader(ctx.headers.createHeader("Replaces", replaces));
            ctx.setBody(r, ctx.sdp.offer(leg.id, Direction.SENDRECV));
            send(leg, r);
        } catch (Exception e) {
            SipContext.LOG.warning("INVITE to " + uri + " not sent: " + e);
            calls.remove(leg);
            ctx.post(new CallFailed(leg.id, 400, "Bad target: " + e.getMessage()));
        }
    }

    private void send(CallLeg leg, Request r) throws Exception {
        leg.inviteRequest = r;
        ClientTransaction tx = ctx.provider.getNewClientTransaction(r);
        tx.setApplicationData(new InviteResponses(leg));
        leg.invite = tx;
        leg.attach(tx.getDialog());
        tx.sendRequest();
    }

    /** CANCEL (RFC 3261 §9.1): only after a provisional response; until then it waits for one. */
    void cancel(CallLeg leg) {
        leg.cancelRequested = true;
        if (leg.state == CallLeg.State.EARLY && !leg.cancelSent) sendCancel(leg);
    }

    private void sendCancel(CallLeg leg) {
        try {
            leg.cancelSent = true;
            ClientTransaction tx = ctx.provider.getNewClientTransaction(leg.invite.createCancel());
            tx.setApplicationData(Ignore.INSTANCE);
            tx.sendRequest();
        } catch (Exception e) {
            SipContext.LOG.warning("CANCEL for " + leg.id + " not sent: " + e);
        }
    }

    /** The responses to one INVITE attempt. */
    private final class InviteResponses implements ResponseHandler {
        private final CallLeg leg;

        InviteResponses(CallLeg leg) {
            this.leg = leg;
        }

        @Override
        public void onResponse(ResponseEvent event) throws Exception {
            Response r = event.getResponse();
            int code = r.getStatusCode();
            if (leg.state == CallLeg.State.TERMINATED && code < 300) {
                if (code >= 200) ackThenBye(event);
                return;
            }
            if (code < 200) provisional(event, code);
            else if (code < 300) answered(event);
            else if (code < 400) redirected(r);
            else if ((code == 401 || code == 407) && leg.authAttempts < 2 && !leg.cancelRequested) retryWithCredentials(r);
            else failed(code, r.getReasonPhrase());
        }

        private void provisional(ResponseEvent event, int code) {
            boolean first = leg.state == CallLeg.State.CALLING;
            leg.state = CallLeg.State.EARLY;
            leg.attach(event.getDialog());
            if (leg.cancelRequested) {
                if (!leg.cancelSent) sendCancel(leg);
                return;
            }
            String body = SipContext.body(event.getResponse());
            if (code == 100) {
                if (first) ctx.post(new Trying(leg.id));
            } else if (body != null && (code == 180 || code == 183)) {
                ctx.sdp.remoteAnswer(leg.id, body);
                ctx.post(new EarlyMedia(leg.id));
            } else {
                ctx.post(new Ringing(leg.id));
            }
        }

        private void answered(ResponseEvent event) throws Exception {
            Dialog d = event.getDialog();
            long cseq = ((CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME)).getSeqNumber();
            Request ack = d.createAck(cseq);
            d.sendAck(ack); // RFC 3261 §13.2.2.4: the 2xx ACK is ours, end to end, along the route set
            if (leg.cancelRequested) {
                // CANCEL lost the race against the 200 (RFC 3261 §9.1): end the call we did not want.
                leg.attach(d);
                bye(leg);
                return;
            }
            leg.attach(d);
            leg.state = CallLeg.State.CONFIRMED;
            String body = SipContext.body(event.getResponse());
            if (body != null) ctx.sdp.remoteAnswer(leg.id, body);
            ctx.post(new Answered(leg.id));
            outcome.accept(leg.targetUri, event.getResponse().getStatusCode());
        }

        private void ackThenBye(ResponseEvent event) throws Exception {
            Dialog d = event.getDialog();
            long cseq = ((CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME)).getSeqNumber();
            d.sendAck(d.createAck(cseq));
            Request bye = d.createRequest(Request.BYE);
            ClientTransaction tx = ctx.provider.getNewClientTransaction(bye);
            tx.setApplicationData(Ignore.INSTANCE);
            d.sendRequest(tx);
        }

        /** The transaction layer already ACKed the 3xx (RFC 3261 §17.1.1.3); we only report it. */
        private void redirected(Response r) {
            List<RedirectTarget> targets = new ArrayList<>();
            ListIterator<?> it = r.getHeaders(ContactHeader.NAME);
            while (it.hasNext()) {
                ContactHeader c = (ContactHeader) it.next();
                targets.add(new RedirectTarget(c.getAddress().getURI().toString(), q(c.getParameter("q"))));
            }
            leg.state = CallLeg.State.REDIRECTED;
            leg.dialog = null;
            if (leg.cancelRequested) {
                calls.remove(leg);
                return;
            }
            ctx.post(new Redirected(leg.id, r.getStatusCode(), targets));
        }

        /** RFC 3261 §20.10: no q (or a bad one) ranks as 1.0. Parsed from text: the float getter rounds. */
        private static double q(String value) {
            try {
                double q = value == null ? 1.0 : Double.parseDouble(value.trim());
                return q < 0 || q > 1 ? 1.0 : q;
            } catch (NumberFormatException e) {
                return 1.0;
            }
        }

        private void retryWithCredentials(Response challenge) throws Exception {
            leg.authAttempts++;
            Request r = (Request) leg.inviteRequest.clone();
            r.removeHeader(AuthorizationHeader.NAME);
            r.removeHeader(ProxyAuthorizationHeader.NAME);
            CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
            ((ViaHeader) r.getHeader(ViaHeader.NAME)).setBranch(ctx.branch());
            Registration.addCredentials(ctx, r, challenge);
            leg.state = CallLeg.State.CALLING;
            send(leg, r);
        }

        private void failed(int code, String reason) {
            boolean wanted = leg.cancelRequested;
            calls.remove(leg);
            ctx.sdp.release(leg.id);
            // After our own CANCEL the 487 is the expected end, not a failure to report.
            if (!(wanted && code == 487)) ctx.post(new CallFailed(leg.id, code, reason == null ? "" : reason));
            outcome.accept(leg.targetUri, code);
        }

        @Override
        public void onNoResponse(String why) {
            if (leg.state == CallLeg.State.CALLING || leg.state == CallLeg.State.EARLY) {
                boolean wanted = leg.cancelRequested;
                calls.remove(leg);
                ctx.sdp.release(leg.id);
                if (!wanted) ctx.post(new CallFailed(leg.id, 408, "Request Timeout (" + why + ")"));
            }
        }
    }

    void bye(CallLeg leg) {
        calls.remove(leg);
        ctx.sdp.release(leg.id);
        try {
            Request bye = leg.dialog.createRequest(Request.BYE);
            ClientTransaction tx = ctx.provider.getNewClientTransaction(bye);
            tx.setApplicationData(Ignore.INSTANCE);
            leg.dialog.sendRequest(tx);
        } catch (Exception e) {
            SipContext.LOG.warning("BYE for " + leg.id + " not sent: " + e);
        }
    }

    /** For transactions whose answer changes nothing (CANCEL, BYE). */
    enum Ignore implements ResponseHandler {
        INSTANCE;

        @Override public void onResponse(ResponseEvent event) {}
        @Override public void onNoResponse(String why) {}
    }
}
