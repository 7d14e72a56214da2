package sipdesk.sip;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.EventHeader;
import javax.sip.header.ReferToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import sipdesk.core.CallId;
import sipdesk.core.PhoneEvent.MessageWaiting;
import sipdesk.core.PhoneEvent.TransferRequested;
import sipdesk.core.PhoneEvent.TransferResult;

/**
 * REFER both ways (RFC 3515, transfer BCP RFC 5589) and the NOTIFYs that come with it, plus
 * message-summary NOTIFYs (RFC 3842, solicited or not). SIP worker thread only.
 *
 * <p>As transferee we answer 202, tell the core (TransferRequested) and report the new call's
 * outcome in a sipfrag NOTIFY: the core's next Dial to the Refer-To URI is taken as the new call.
 */
final class Transfers {
    private static final Pattern SIPFRAG = Pattern.compile("^SIP/2\\.0\\s+(\\d{3})");
    private static final Pattern MESSAGES = Pattern.compile("(?im)^Voice-Message:\\s*(\\d+)/(\\d+)");

    private final SipContext ctx;
    private final CallTable calls;
    /** Refer-To URI -> the dialog that asked for it (we are the transferee). */
    private final Map<String, Dialog> pendingAsTransferee = new HashMap<>();

    Transfers(SipContext ctx, CallTable calls) {
        this.ctx = ctx;
        this.calls = calls;
    }

    /** Blind transfer: REFER with Refer-To: target and no Replaces. */
    void blind(CallId id, String target) {
        String uri = DialTargets.toUri(target, ctx.account).orElse(target);
        refer(id, "<" + uri + ">");
    }

    /**
     * Attended transfer: REFER to the transferee's peer naming the target's peer with Replaces
     * (RFC 3891 §3: to-tag is the target peer's own tag, i.e. our dialog's remote tag).
     */
    void attended(CallId transferee, CallId target) {
        Optional<CallLeg> other = calls.get(target).filter(l -> l.dialog != null);
        if (other.isEmpty()) {
            ctx.post(new TransferResult(transferee, false, 481));
            return;
        }
        Dialog d = other.get().dialog;
        String replaces = d.getCallId().getCallId() + ";to-tag=" + d.getRemoteTag() + ";from-tag=" + d.getLocalTag();
        String uri = d.getRemoteParty().getURI().toString();
        refer(transferee, "<" + uri + "?Replaces=" + URLEncoder.encode(replaces, StandardCharsets.UTF_8) + ">");
    }

    private void refer(CallId id, String referTo) {
        Optional<CallLeg> leg = calls.get(id).filter(l -> l.state == CallLeg.State.CONFIRMED && l.dialog != null);
        if (leg.isEmpty()) {
            ctx.post(new TransferResult(id, false, 481));
            return;
        }
        try {
            Request refer = leg.get().dialog.createRequest(Request.REFER);
            refer.setHeader(ctx.headers.createHeader(ReferToHeader.NAME, referTo));
            refer.setHeader(ctx.headers.createHeader("Referred-By", "<" + ctx.aor().getURI() + ">"));
            ClientTransaction tx = ctx.provider.getNewClientTransaction(refer);
            tx.setApplicationData(new ResponseHandler() {
                @Override
                public void onResponse(ResponseEvent event) {
                    int code = event.getResponse().getStatusCode();
                    if (code >= 300) ctx.post(new TransferResult(id, false, code));
                }

                @Override
                public void onNoResponse(String why) {
                    ctx.post(new TransferResult(id, false, 408));
                }
            });
            leg.get().dialog.sendRequest(tx);
        } catch (Exception e) {
            SipContext.LOG.warning("REFER for " + id + " not sent: " + e);
            ctx.post(new TransferResult(id, false, 500));
        }
    }

    /** We are the transferee: 202, TransferRequested, NOTIFY "100 Trying" (RFC 3515 §2.4.4). */
    void refer(RequestEvent event, ServerTransaction st) throws Exception {
        Request r = event.getRequest();
        Optional<CallLeg> leg = calls.byDialog(event.getDialog()).filter(l -> l.state == CallLeg.State.CONFIRMED);
        ReferToHeader referTo = (ReferToHeader) r.getHeader(ReferToHeader.NAME);
        if (leg.isEmpty() || referTo == null) {
            st.sendResponse(ctx.response(leg.isEmpty() ? 481 : 400, r, null));
            return;
        }
        st.sendResponse(ctx.response(Response.ACCEPTED, r, null));
        String target = referTo.getAddress().getURI().toString();
        pendingAsTransferee.put(target, leg.get().dialog);
        sendSipfrag(leg.get().dialog, "SIP/2.0 100 Trying", false);
        ctx.post(new TransferRequested(leg.get().id, target));
    }

    /** The outcome of a Dial the core made; reported back when it was the one a REFER asked for. */
    void dialOutcome(String targetUri, int code) {
        Dialog d = pendingAsTransferee.remove(targetUri);
        if (d != null) sendSipfrag(d, "SIP/2.0 " + code + (code < 300 ? " OK" : " Failed"), true);
    }

    private void sendSipfrag(Dialog d, String frag, boolean last) {
        try {
            Request notify = d.createRequest(Request.NOTIFY);
            notify.setHeader(ctx.headers.createEventHeader("refer"));
            notify.setHeader(ctx.headers.createSubscriptionStateHeader(last ? "terminated;reason=noresource" : "active;expires=60"));
            notify.setContent(frag + "\r\n", ctx.headers.createContentTypeHeader("message", "sipfrag;version=2.0"));
            ClientTransaction tx = ctx.provider.getNewClientTransaction(notify);
            tx.setApplicationData(OutgoingCalls.Ignore.INSTANCE);
            d.sendRequest(tx);
        } catch (Exception e) {
            SipContext.LOG.warning("NOTIFY not sent: " + e);
        }
    }

    /** NOTIFY: refer progress (sipfrag) for our transfer, or voicemail message-summary. */
    void notify(RequestEvent event, ServerTransaction st) throws Exception {
        Request r = event.getRequest();
        st.sendResponse(ctx.response(Response.OK, r, null));
        EventHeader ev = (EventHeader) r.getHeader(EventHeader.NAME);
        String body = SipContext.body(r);
        if (ev == null || body == null) return;
        if (ev.getEventType().equalsIgnoreCase("refer")) {
            Matcher m = SIPFRAG.matcher(body.trim());
            Optional<CallLeg> leg = calls.byDialog(event.getDialog());
            if (m.find() && leg.isPresent()) {
                int code = Integer.parseInt(m.group(1));
                if (code >= 200) ctx.post(new TransferResult(leg.get().id, code < 300, code));
            }
        } else if (ev.getEventType().equalsIgnoreCase("message-summary")) {
            Matcher m = MESSAGES.matcher(body);
            boolean waiting = body.toLowerCase(java.util.Locale.ROOT).contains("messages-waiting: yes");
            if (m.find()) ctx.post(new MessageWaiting(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            else ctx.post(new MessageWaiting(waiting ? 1 : 0, 0));
        }
    }
}
