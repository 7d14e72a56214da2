package sipdesk.sip;

import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import sipdesk.core.PhoneEvent;
import sipdesk.core.port.EventSink;
import sipdesk.sip.SipAccount.SipServer;

/**
 * What every processor shares: the stack's factories and provider, the account, the event sink and
 * the one worker thread that owns all mutable SIP state. Also builds the messages they send.
 */
final class SipContext {
    static final Logger LOG = Logger.getLogger("sipdesk.sip");
    static final String USER_AGENT = "sipdesk/0.1";
    static final List<String> ALLOW = List.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "INFO", "REFER", "NOTIFY");

    final SipAccount account;
    final EventSink sink;
    final SipProvider provider;
    final AddressFactory addresses;
    final HeaderFactory headers;
    final MessageFactory messages;
    final ScheduledExecutorService worker;
    final SessionDescriptions sdp;
    final DigestAuth digest = new DigestAuth();
    /** The address we put in Via, Contact and SDP (never 0.0.0.0). */
    final String localHost;
    final int localPort;
    private final SecureRandom random = new SecureRandom();
    /** The registrar in use (server 1 or 2); the default outbound hop when no proxy is set. */
    volatile SipServer currentServer;

    SipContext(SipAccount account, EventSink sink, SipProvider provider, AddressFactory addresses,
               HeaderFactory headers, MessageFactory messages, ScheduledExecutorService worker,
               SessionDescriptions sdp, String localHost, int localPort) {
        this.account = account;
        this.sink = sink;
        this.provider = provider;
        this.addresses = addresses;
        this.headers = headers;
        this.messages = messages;
        this.worker = worker;
        this.sdp = sdp;
        this.localHost = localHost;
        this.localPort = localPort;
        this.currentServer = account.server1();
    }

    void post(PhoneEvent event) {
        LOG.fine(() -> "event " + event);
        sink.post(event);
    }

    String tag() {
        byte[] b = new byte[6];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    String branch() {
        return "z9hG4bK" + tag() + tag();
    }

    /** The hop for out-of-dialog requests: the outbound proxy, else the registrar; none when IP direct. */
    Optional<SipServer> outboundHop() {
        if (!account.enabled()) return Optional.empty();
        return account.outboundProxy().or(() -> Optional.ofNullable(currentServer));
    }

    String transport() {
        return outboundHop().map(s -> s.transport().lower()).orElse(ListeningPoint.UDP);
    }

    /** Our address of record: sip:user@domain (sip:user@ourIP when IP direct). */
    Address aor() throws ParseException {
        String user = account.user().isBlank() ? "sipdesk" : account.user();
        SipURI uri = addresses.createSipURI(user, account.enabled() ? account.effectiveDomain() : localHost);
        Address a = addresses.createAddress(uri);
        if (!account.displayName().isBlank()) a.setDisplayName(account.displayName());
        return a;
    }

    ContactHeader contact(String transport) throws ParseException {
        SipURI uri = addresses.createSipURI(account.user().isBlank() ? null : account.user(), localHost);
        uri.setPort(localPort);
        if (!transport.equals(ListeningPoint.UDP)) uri.setTransportParam(transport);
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    ViaHeader via(String transport) throws ParseException, InvalidArgumentException {
        ViaHeader via = headers.createViaHeader(localHost, localPort, transport, branch());
        via.setRPort(); // RFC 3581: ask for the source port back (NAT)
        return via;
    }

    /**
     * An out-of-dialog request with a fresh route: the outbound hop as a loose Route (RFC 3261
     * §8.1.2), never a route set learnt from an earlier dialog.
     */
    Request newRequest(String method, URI requestUri, Address from, String fromTag, Address to,
                       CallIdHeader callId, long cseq) throws ParseException, InvalidArgumentException {
        String transport = transport();
        FromHeader f = headers.createFromHeader(from, fromTag);
        ToHeader t = headers.createToHeader(to, null);
        CSeqHeader c = headers.createCSeqHeader(cseq, method);
        MaxForwardsHeader mf = headers.createMaxForwardsHeader(70);
        List<ViaHeader> vias = new ArrayList<>(List.of(via(transport)));
        Request r = messages.createRequest(requestUri, method, callId, c, f, t, vias, mf);
        Optional<SipServer> hop = outboundHop();
        if (hop.isPresent()) r.addHeader(route(hop.get()));
        r.addHeader(contact(transport));
        r.addHeader(headers.createHeader("User-Agent", USER_AGENT));
        addAllow(r);
        return r;
    }

    private RouteHeader route(SipServer server) throws ParseException {
        SipURI uri = addresses.createSipURI(null, server.host());
        uri.setPort(server.port());
        uri.setLrParam();
        uri.setTransportParam(server.transport().lower());
        return headers.createRouteHeader(addresses.createAddress(uri));
    }

    /** A response carrying our Contact (needed on 1xx/2xx to INVITE for the dialog) and User-Agent. */
    Response response(int code, Request request, String toTag) throws ParseException {
        Response r = messages.createResponse(code, request);
        if (toTag != null && code != 100) {
            ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
            if (to.getTag() == null) to.setTag(toTag);
        }
        if (code > 100 && code < 300) r.addHeader(contact(ListeningPoint.UDP.equalsIgnoreCase(
                ((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport()) ? ListeningPoint.UDP : ListeningPoint.TCP));
        r.addHeader(headers.createHeader("User-Agent", USER_AGENT));
        return r;
    }

    void addAllow(javax.sip.message.Message m) throws ParseException {
        for (String method : ALLOW) m.addHeader(headers.createAllowHeader(method));
    }

    void setBody(javax.sip.message.Message m, String sdpText) throws ParseException {
        m.setContent(sdpText, headers.createContentTypeHeader("application", "sdp"));
    }

    static String body(javax.sip.message.Message m) {
        byte[] raw = m.getRawContent();
        return raw == null || raw.length == 0 ? null : new String(raw, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Every value of a header that may come as several lines, joined as one comma list; null when absent. */
    static String headerValues(javax.sip.message.Message m, String name) {
        java.util.ListIterator<?> it = m.getHeaders(name);
        List<String> values = new ArrayList<>();
        while (it.hasNext()) {
            String s = it.next().toString();
            int colon = s.indexOf(':');
            values.add((colon < 0 ? s : s.substring(colon + 1)).trim());
        }
        return values.isEmpty() ? null : String.join(", ", values);
    }

    static String headerValue(javax.sip.message.Message m, String name) {
        Header h = m.getHeader(name);
        if (h == null) return null;
        String s = h.toString();
        int colon = s.indexOf(':');
        return (colon < 0 ? s : s.substring(colon + 1)).trim();
    }
}
