package sipdesk.sip;

import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import sipdesk.core.CallId;
import sipdesk.core.PhoneEvent.DtmfReceived;
import sipdesk.core.PhoneEvent.RemoteHangup;
import sipdesk.core.PhoneEvent.RemoteHold;
import sipdesk.core.PhoneEvent.RemoteResume;
import sipdesk.sip.SessionDescriptions.Direction;

/**
 * Requests inside an established dialog, both ways: BYE, hold/resume re-INVITEs (RFC 3264 §8.4)
 * and DTMF by INFO. In-dialog requests follow the dialog's route set (Record-Route), which JAIN-SIP
 * builds from the 2xx. SIP worker thread only.
 */
final class InDialog {
    private final SipContext ctx;
    private final CallTable calls;
    private final OutgoingCalls outgoing;
    private final IncomingCalls incoming;

    InDialog(SipContext ctx, CallTable calls, OutgoingCalls outgoing, IncomingCalls incoming) {
        this.ctx = ctx;
        this.calls = calls;
        this.outgoing = outgoing;
        this.incoming = incoming;
    }

    /** Hang up in whatever state the call is: CANCEL, BYE, or a 486 to an unanswered INVITE. */
    void hangup(CallId id) {
        Optional<CallLeg> found = calls.get(id);
        if (found.isEmpty()) return;
        CallLeg leg = found.get();
        switch (leg.state) {
            case CALLING, EARLY -> outgoing.cancel(leg);
            case REDIRECTED -> calls.remove(leg);
            case OFFERED -> incoming.reject(id, Response.BUSY_HERE);
            case CONFIRMED -> outgoing.bye(leg);
            case TERMINATED -> calls.remove(leg);
        }
    }

    /** Hold: a re-INVITE with a=sendonly, or a=inactive with hold_use_inactive (Yealink flow 4). */
    void hold(CallId id, boolean hold) {
        confirmed(id).ifPresent(leg -> {
            leg.localHold = hold;
            Direction d = !hold ? Direction.SENDRECV : ctx.account.holdUseInactive() ? Direction.INACTIVE : Direction.SENDONLY;
            try {
                Request reInvite = leg.dialog.createRequest(Request.INVITE);
                reInvite.setHeader(ctx.contact(ctx.transport()));
                ctx.setBody(reInvite, ctx.sdp.offer(leg.id, d));
                ClientTransaction tx = ctx.provider.getNewClientTransaction(reInvite);
                tx.setApplicationData(new ReInviteResponses(leg));
                leg.dialog.sendRequest(tx);
            } catch (Exception e) {
                SipContext.LOG.warning("re-INVITE for " + id + " not sent: " + e);
            }
        });
    }

    /** DTMF as SIP INFO, application/dtmf-relay (the de facto body; RFC 4733 is the media's job). */
    void sendDtmf(CallId id, char digit) {
        if (ctx.sdp.sendDtmf(id, digit)) return;
        confirmed(id).ifPresent(leg -> {
            try {
                Request info = leg.dialog.createRequest(Request.INFO);
                info.setContent("Signal=" + digit + "\r\nDuration=160\r\n",
                        ctx.headers.createContentTypeHeader("application", "dtmf-relay"));
                ClientTransaction tx = ctx.provider.getNewClientTransaction(info);
                tx.setApplicationData(OutgoingCalls.Ignore.INSTANCE);
                leg.dialog.sendRequest(tx);
            } catch (Exception e) {
                SipContext.LOG.warning("INFO for " + id + " not sent: " + e);
            }
        });
    }

    private Optional<CallLeg> confirmed(CallId id) {
        Optional<CallLeg> leg = calls.get(id).filter(l -> l.state == CallLeg.State.CONFIRMED && l.dialog != null);
        if (leg.isEmpty()) SipContext.LOG.warning("no established call " + id + ": command ignored");
        return leg;
    }

    /** The peer's re-INVITE: answer with the mirrored direction and tell the core when hold changed. */
    void reInvite(RequestEvent event, ServerTransaction st, CallLeg leg) throws Exception {
        Request r = event.getRequest();
        String offer = SipContext.body(r);
        Response ok = ctx.response(Response.OK, r, null);
        ctx.setBody(ok, offer != null ? ctx.sdp.answer(leg.id, offer)
                : ctx.sdp.offer(leg.id, leg.localHold ? Direction.SENDONLY : Direction.SENDRECV));
        st.sendResponse(ok);
        if (offer == null) return; // RFC 3261 §14.2: the offer comes in the ACK; direction unchanged for us
        Direction d = G711SessionDescriptions.directionOf(offer);
        boolean held = d == Direction.SENDONLY || d == Direction.INACTIVE;
        if (held != leg.remoteHold) {
            leg.remoteHold = held;
            ctx.post(held ? new RemoteHold(leg.id) : new RemoteResume(leg.id));
        }
    }

    void bye(RequestEvent event, ServerTransaction st) throws Exception {
        st.sendResponse(ctx.response(Response.OK, event.getRequest(), null));
        Optional<CallLeg> leg = calls.byDialog(event.getDialog());
        if (leg.isPresent() && leg.get().state != CallLeg.State.TERMINATED) {
            calls.remove(leg.get());
            ctx.sdp.release(leg.get().id);
            ctx.post(new RemoteHangup(leg.get().id));
        }
    }

    void info(RequestEvent event, ServerTransaction st) throws Exception {
        Request r = event.getRequest();
        st.sendResponse(ctx.response(Response.OK, r, null));
        Optional<CallLeg> leg = calls.byDialog(event.getDialog());
        String body = SipContext.body(r);
        if (leg.isEmpty() || body == null) return;
        for (String line : body.split("\r?\n")) {
            String l = line.trim();
            if (l.regionMatches(true, 0, "Signal=", 0, 7) && l.length() > 7) {
                char digit = Character.toUpperCase(l.substring(7).trim().charAt(0));
                if ("0123456789*#ABCD".indexOf(digit) >= 0) ctx.post(new DtmfReceived(leg.get().id, digit));
            }
        }
    }

    /** The responses to our hold/resume re-INVITE; RFC 3261 §14.1: on 491 try once more later. */
    private final class ReInviteResponses implements ResponseHandler {
        private final CallLeg leg;
        private boolean retried;

        ReInviteResponses(CallLeg leg) {
            this.leg = leg;
        }

        @Override
        public void onResponse(ResponseEvent event) throws Exception {
            Response r = event.getResponse();
            int code = r.getStatusCode();
            if (code >= 200 && code < 300) {
                Dialog d = event.getDialog();
                d.sendAck(d.createAck(((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber()));
                String body = SipContext.body(r);
                if (body != null) ctx.sdp.remoteAnswer(leg.id, body);
            } else if (code == Response.REQUEST_PENDING && !retried) {
                retried = true;
                // Time-boxed: a re-INVITE after 491 can hang on UDP (LIBRARIES.md).
                ctx.worker.schedule(() -> hold(leg.id, leg.localHold), 2100 + (long) (Math.random() * 1900),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            } else if (code == 481 || code == 408) {
                calls.remove(leg);
                ctx.post(new RemoteHangup(leg.id));
            }
        }

        @Override
        public void onNoResponse(String why) {
            SipContext.LOG.warning("re-INVITE for " + leg.id + ": " + why);
        }
    }
}
