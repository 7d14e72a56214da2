package sipdesk.sip;

import java.util.Locale;
import java.util.Optional;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import sipdesk.core.CallId;
import sipdesk.core.Party;
import sipdesk.core.PhoneEvent.IncomingCall;
import sipdesk.core.PhoneEvent.IncomingCancelled;
import sipdesk.core.PhoneEvent.RemoteHangup;

/**
 * INVITEs to us (UAS side, RFC 3261 §13.3) until they are answered, rejected, redirected or
 * cancelled. SIP worker thread only.
 */
final class IncomingCalls {
    private final SipContext ctx;
    private final CallTable calls;
    private final OutgoingCalls outgoing;

    IncomingCalls(SipContext ctx, CallTable calls, OutgoingCalls outgoing) {
        this.ctx = ctx;
        this.calls = calls;
        this.outgoing = outgoing;
    }

    /** A new INVITE (not a re-INVITE): 100 Trying, then the core decides. */
    void offered(RequestEvent event, ServerTransaction st) throws Exception {
        Request r = event.getRequest();
        String replacesHeader = SipContext.headerValue(r, "Replaces");
        Optional<CallLeg> replaced = replacesHeader == null ? Optional.empty() : replaced(replacesHeader);
        if (replacesHeader != null && replaced.isEmpty()) {
            st.sendResponse(ctx.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, r, null)); // RFC 3891 §3
            return;
        }
        st.sendResponse(ctx.response(Response.TRYING, r, null));
        CallLeg leg = new CallLeg(calls.nextIncomingId(), false, CallLeg.State.OFFERED);
        String offer = SipContext.body(r);
        Optional<String> refused = offer == null ? Optional.empty() : ctx.sdp.unacceptable(leg.id, offer);
        if (refused.isPresent()) {
            SipContext.LOG.info("[" + leg.id + "] 488: " + refused.get());
            st.sendResponse(ctx.response(Response.NOT_ACCEPTABLE_HERE, r, null));
            return;
        }
        leg.inviteServer = st;
        leg.toTag = ctx.tag();
        leg.remoteOffer = SipContext.body(r);
        leg.sipCallId = ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
        leg.attach(st.getDialog());
        calls.put(leg);
        st.setApplicationData(leg);
        Address from = ((FromHeader) r.getHeader(FromHeader.NAME)).getAddress();
        Party caller = new Party(from.getURI().toString(), from.getDisplayName() == null ? "" : from.getDisplayName());
        leg.replaces = replaced.orElse(null);
        // A replacing INVITE (attended transfer to us) takes over a call the user already accepted.
        ctx.post(new IncomingCall(leg.id, caller, divertedFrom(r), autoAnswer(r) || leg.replaces != null));
    }

    /**
     * The established call named by a Replaces header (RFC 3891 §3: to-tag is our local tag,
     * from-tag the peer's).
     */
    private Optional<CallLeg> replaced(String header) {
        String[] parts = header.split(";");
        String toTag = null;
        String fromTag = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.regionMatches(true, 0, "to-tag=", 0, 7)) toTag = p.substring(7);
            else if (p.regionMatches(true, 0, "from-tag=", 0, 9)) fromTag = p.substring(9);
        }
        String local = toTag;
        String remote = fromTag;
        return calls.bySipCallId(parts[0].trim())
                .filter(l -> l.state == CallLeg.State.CONFIRMED && l.dialog != null)
                .filter(l -> l.dialog.getLocalTag().equals(local) && l.dialog.getRemoteTag().equals(remote));
    }

    /**
     * Who the call was first meant for: the last Diversion value (draft-levy-sip-diversion-08: the
     * original called party is appended last), else the first History-Info entry (RFC 7044).
     */
    static Optional<Party> divertedFrom(Request r) {
        String diversion = SipContext.headerValues(r, "Diversion");
        if (diversion != null) {
            String[] values = diversion.split(",(?=\\s*(?:\"[^\"]*\"\\s*)?<)");
            return Optional.of(nameAddr(values[values.length - 1]));
        }
        String history = SipContext.headerValues(r, "History-Info");
        if (history != null) return Optional.of(nameAddr(history.split(",(?=\\s*<)")[0]));
        return Optional.empty();
    }

    private static Party nameAddr(String value) {
        String v = value.trim();
        int lt = v.indexOf('<');
        int gt = v.indexOf('>', lt + 1);
        if (lt < 0 || gt < 0) return Party.of(v.split(";")[0].trim());
        String display = v.substring(0, lt).trim();
        if (display.startsWith("\"") && display.endsWith("\"") && display.length() >= 2) display = display.substring(1, display.length() - 1);
        String uri = v.substring(lt + 1, gt);
        int q = uri.indexOf('?');
        if (q >= 0) uri = uri.substring(0, q); // History-Info carries escaped Reason headers
        return new Party(uri, display);
    }

    /** Yealink auto-answer triggers: Alert-Info auto-answer forms, Call-Info answer-after=0, intercom, Answer-Mode. */
    static boolean autoAnswer(Request r) {
        String alert = lower(SipContext.headerValue(r, "Alert-Info"));
        String callInfo = lower(SipContext.headerValue(r, "Call-Info"));
        String answerMode = lower(SipContext.headerValue(r, "Answer-Mode"));
        String uri = lower(r.getRequestURI().toString());
        return alert.contains("info=alert-autoanswer") || alert.contains("auto answer")
                || alert.contains("answer-after=0") || callInfo.contains("answer-after=0")
                || alert.contains("intercom=true") || uri.contains("intercom=true")
                || answerMode.startsWith("auto");
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    void sendRinging(CallId id) {
        offeredLeg(id).ifPresent(leg -> respond(leg, Response.RINGING, null));
    }

    void answer(CallId id) {
        offeredLeg(id).ifPresent(leg -> {
            try {
                Response ok = ctx.response(Response.OK, leg.inviteServer.getRequest(), leg.toTag);
                String answer = leg.remoteOffer != null ? ctx.sdp.answer(leg.id, leg.remoteOffer)
                        : ctx.sdp.offer(leg.id, SessionDescriptions.Direction.SENDRECV);
                ctx.setBody(ok, answer);
                leg.inviteServer.sendResponse(ok);
                leg.state = CallLeg.State.CONFIRMED;
                leg.attach(leg.inviteServer.getDialog());
                CallLeg old = leg.replaces;
                if (old != null && old.state == CallLeg.State.CONFIRMED) {
                    outgoing.bye(old);
                    ctx.post(new RemoteHangup(old.id)); // the peer left: the transferor handed us over
                }
            } catch (Exception e) {
                SipContext.LOG.warning("200 for " + id + " not sent: " + e);
            }
        });
    }

    void reject(CallId id, int code) {
        offeredLeg(id).ifPresent(leg -> {
            respond(leg, code >= 400 && code <= 699 ? code : Response.BUSY_HERE, null);
            end(leg);
        });
    }

    /** Call forward: 302 with Contact: the target, and a Diversion naming us (RFC 5806). */
    void redirect(CallId id, String target) {
        offeredLeg(id).ifPresent(leg -> {
            try {
                String t = target.trim();
                String uri = t.toLowerCase(Locale.ROOT).startsWith("sip") ? t
                        : "sip:" + (t.contains("@") ? t : t + "@" + ctx.account.effectiveForwardDomain());
                Response r = ctx.response(Response.MOVED_TEMPORARILY, leg.inviteServer.getRequest(), leg.toTag);
                ContactHeader contact = ctx.headers.createContactHeader(ctx.addresses.createAddress(uri));
                r.setHeader(contact);
                r.addHeader(ctx.headers.createHeader("Diversion",
                        "<" + ctx.aor().getURI() + ">;reason=unconditional;counter=1"));
                leg.inviteServer.sendResponse(r);
            } catch (Exception e) {
                SipContext.LOG.warning("302 for " + id + " not sent: " + e);
            }
            end(leg);
        });
    }

    /** RFC 3261 §9.2: 200 to the CANCEL, 487 to the INVITE, and a missed call for the core. */
    void cancelled(RequestEvent event, ServerTransaction cancelTx) throws Exception {
        Request cancel = event.getRequest();
        String callId = ((CallIdHeader) cancel.getHeader(CallIdHeader.NAME)).getCallId();
        Optional<CallLeg> leg = calls.bySipCallId(callId).filter(l -> !l.outgoing);
        if (leg.isEmpty()) {
            cancelTx.sendResponse(ctx.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, cancel, null));
            return;
        }
        cancelTx.sendResponse(ctx.response(Response.OK, cancel, null));
        if (leg.get().state == CallLeg.State.OFFERED) {
            respond(leg.get(), Response.REQUEST_TERMINATED, null);
            end(leg.get());
            ctx.post(new IncomingCancelled(leg.get().id));
        }
    }

    private Optional<CallLeg> offeredLeg(CallId id) {
        Optional<CallLeg> leg = calls.get(id).filter(l -> !l.outgoing && l.state == CallLeg.State.OFFERED);
        if (leg.isEmpty()) SipContext.LOG.warning("no unanswered incoming call " + id + ": command ignored");
        return leg;
    }

    private void respond(CallLeg leg, int code, String body) {
        try {
            Response r = ctx.response(code, leg.inviteServer.getRequest(), leg.toTag);
            if (body != null) ctx.setBody(r, body);
            leg.inviteServer.sendResponse(r);
        } catch (Exception e) {
            SipContext.LOG.warning(code + " for " + leg.id + " not sent: " + e);
        }
    }

    private void end(CallLeg leg) {
        calls.remove(leg);
        ctx.sdp.release(leg.id);
    }
}
