package sipdesk.sip;

import gov.nist.javax.sip.ListeningPointExt;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.message.Request;
import sipdesk.core.Command.AttendedTransfer;
import sipdesk.core.Command.Answer;
import sipdesk.core.Command.BlindTransfer;
import sipdesk.core.Command.CancelCall;
import sipdesk.core.Command.Dial;
import sipdesk.core.Command.TransferCall;
import sipdesk.core.Command.FollowRedirect;
import sipdesk.core.Command.Hangup;
import sipdesk.core.Command.Hold;
import sipdesk.core.Command.Redirect;
import sipdesk.core.Command.Register;
import sipdesk.core.Command.Reject;
import sipdesk.core.Command.Resume;
import sipdesk.core.Command.SendDtmf;
import sipdesk.core.Command.SendRinging;
import sipdesk.core.Command.SipCommand;
import sipdesk.core.port.EventSink;
import sipdesk.core.port.Signalling;
import sipdesk.sip.SipAccount.SipServer;

/**
 * The phone's SIP user agent on JAIN-SIP. One stack per instance (a unique STACK_NAME, so a test
 * JVM can run several), listening on UDP and TCP on the account's local port.
 *
 * <p>Threading: {@link #execute} may be called from any thread and never blocks; every command,
 * every SIP message and every timer runs on one worker thread ({@code sipdesk-sip-N}) that owns
 * all call and registration state. Events go out through the {@link EventSink} from that thread.
 */
public final class JainSipSignalling implements Signalling {
    private static final AtomicInteger STACKS = new AtomicInteger();
    private static final long CLOSE_WAIT_MILLIS = 2000;
    /** MAX_MESSAGE_SIZE: a longer message on TCP closes the connection. */
    static final int MAX_MESSAGE_BYTES = 65536;
    /** MAX_SERVER_TRANSACTIONS: a phone has a handful of transactions open; 200 is a flood. */
    static final int MAX_SERVER_TRANSACTIONS = 200;

    private final SipContext ctx;
    private final SipStack stack;
    private final Registration registration;
    private final CallTable calls;
    private final OutgoingCalls outgoing;
    private final IncomingCalls incoming;
    private final InDialog inDialog;
    private final Transfers transfers;
    private final String stackName;
    private final MessageFlows flows;
    private volatile boolean closed;

    private JainSipSignalling(SipContext ctx, SipStack stack, String stackName, MessageFlows flows) {
        this.ctx = ctx;
        this.stack = stack;
        this.stackName = stackName;
        this.flows = flows;
        this.registration = new Registration(ctx);
        this.calls = new CallTable();
        this.transfers = new Transfers(ctx, calls);
        this.outgoing = new OutgoingCalls(ctx, calls, transfers::dialOutcome);
        this.incoming = new IncomingCalls(ctx, calls, outgoing);
        this.inDialog = new InDialog(ctx, calls, outgoing, incoming);
    }

    /** Starts with the default G.711 SDP (no media engine attached). */
    public static JainSipSignalling start(SipAccount account, EventSink sink) throws IOException {
        return start(account, sink, (SessionDescriptions) null);
    }

    /**
     * Binds UDP and TCP on {@code account.localAddress():localPort}, starts the stack and, when the
     * account is enabled, registers (events: RegistrationChanged). {@code sdp} null means
     * {@link SessionDescriptions#g711}. Throws IOException when the stack cannot start (port in use).
     */
    public static JainSipSignalling start(SipAccount account, EventSink sink, SessionDescriptions sdp)
            throws IOException {
        return start(account, sink, sdp == null ? null : address -> sdp);
    }

    /**
     * As {@link #start(SipAccount, EventSink, SessionDescriptions)}, with the session descriptions
     * made for the address we advertise (the media's {@code c=} address).
     */
    public static JainSipSignalling start(SipAccount account, EventSink sink,
                                          java.util.function.Function<String, SessionDescriptions> sdpFor)
            throws IOException {
        String advertised = advertisedAddress(account);
        SessionDescriptions sdp = sdpFor == null ? null : sdpFor.apply(advertised);
        int n = STACKS.incrementAndGet();
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sipdesk-sip-" + n);
            t.setDaemon(true);
            return t;
        });
        SipStack stack = null;
        String stackName = "sipdesk-" + n + "-" + ProcessHandle.current().pid();
        MessageFlows flows = new MessageFlows();
        JulServerLogger.attach(stackName, new JulServerLogger.Taps(account.traceMessages(), flows));
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            stack = factory.createSipStack(stackProperties(stackName));
            ListeningPoint udp = stack.createListeningPoint(account.localAddress(), account.localPort(), ListeningPoint.UDP);
            ListeningPoint tcp = stack.createListeningPoint(account.localAddress(), account.localPort(), ListeningPoint.TCP);
            SipProvider provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            SipContext ctx = new SipContext(account, sink, provider, factory.createAddressFactory(),
                    factory.createHeaderFactory(), factory.createMessageFactory(), worker,
                    sdp != null ? sdp : SessionDescriptions.g711(advertised), advertised, account.localPort());
            JainSipSignalling ua = new JainSipSignalling(ctx, stack, stackName, flows);
            provider.addSipListener(new MessageDispatcher(ctx, ua.registration, ua.processors(), trustedAddresses(account)));
            stack.start();
            worker.execute(ua.registration::start);
            ua.startKeepAlive((ListeningPointExt) udp);
            SipContext.LOG.info("SIP user agent on " + advertised + ":" + account.localPort() + " (udp, tcp)");
            return ua;
        } catch (Exception e) {
            if (stack != null) stack.stop();
            JulServerLogger.detach(stackName);
            worker.shutdownNow();
            throw new IOException("cannot start SIP on " + account.localAddress() + ":" + account.localPort() + ": " + e.getMessage(), e);
        }
    }

    private static Properties stackProperties(String name) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", JulStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", JulServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "16");
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        // Abuse guards (LIBRARIES.md): TCP message size and header read time, a cap on server
        // transactions (a flood of requests is refused instead of growing the heap), UDP datagram
        // size and clean automatic 400s (MessageParserGuard), SIP version (SipVersionValve).
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(MAX_MESSAGE_BYTES));
        // One pooled UDP reader. Unpooled (JAIN-SIP's default), every datagram gets its own channel
        // and thread, and the channel keeps the 64 KB receive buffer for as long as the transaction
        // that owns it lives (a BYE's: Timer J, 32 s): about 140 KB per call, so 20 calls/s filled
        // the 64 MB heap in half a minute (src/bench/run-sip-bench.sh). One reader also keeps the
        // messages of a dialog in arrival order.
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "1");
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "1000");
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", Integer.toString(MAX_SERVER_TRANSACTIONS));
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", MessageParserGuard.class.getName());
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", SipVersionValve.class.getName());
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        return p;
    }

    /** Requests are fanned out to one small processor per method (Jitsi style). */
    private Map<String, MessageDispatcher.RequestProcessor> processors() {
        Map<String, MessageDispatcher.RequestProcessor> m = new HashMap<>();
        m.put(Request.INVITE, (event, st) -> {
            Optional<CallLeg> leg = calls.byDialog(event.getDialog()).filter(l -> l.state == CallLeg.State.CONFIRMED);
            if (leg.isPresent()) inDialog.reInvite(event, st, leg.get());
            else if (((javax.sip.header.ToHeader) event.getRequest().getHeader("To")).getTag() != null)
                st.sendResponse(ctx.response(481, event.getRequest(), null));
            else incoming.offered(event, st);
        });
        m.put(Request.ACK, (event, st) -> {});
        m.put(Request.CANCEL, incoming::cancelled);
        m.put(Request.BYE, inDialog::bye);
        m.put(Request.INFO, inDialog::info);
        // OPTIONS and unknown methods: answered statelessly by MessageDispatcher.
        m.put(Request.REFER, transfers::refer);
        m.put(Request.NOTIFY, transfers::notify);
        return m;
    }

    /** The address peers can reach us on: the bound one, or the interface that routes to the server. */
    private static String advertisedAddress(SipAccount account) throws IOException {
        if (!account.localAddress().equals("0.0.0.0")) return account.localAddress();
        Optional<SipServer> hop = account.outboundProxy().or(() -> Optional.ofNullable(account.server1()));
        if (hop.isPresent()) {
            try (DatagramSocket s = new DatagramSocket()) {
                s.connect(new InetSocketAddress(hop.get().host(), hop.get().port()));
                InetAddress a = s.getLocalAddress();
                if (!a.isAnyLocalAddress()) return a.getHostAddress();
            }
        }
        return InetAddress.getLocalHost().getHostAddress();
    }

    private static Set<InetAddress> trustedAddresses(SipAccount account) {
        Set<InetAddress> out = new HashSet<>();
        for (Optional<SipServer> s : java.util.List.of(Optional.ofNullable(account.server1()), account.server2(), account.outboundProxy())) {
            s.ifPresent(server -> {
                try {
                    out.addAll(java.util.List.of(InetAddress.getAllByName(server.host())));
                } catch (IOException e) {
                    SipContext.LOG.warning("cannot resolve " + server.host() + " for the trusted-server filter");
                }
            });
        }
        return out;
    }

    /** RFC 5626 §4.4.1 style CRLF keep-alive, so a NAT keeps our UDP mapping to the server open. */
    private void startKeepAlive(ListeningPointExt udp) {
        int seconds = ctx.account.keepAliveSeconds();
        if (seconds <= 0 || !ctx.account.enabled()) return;
        ctx.worker.scheduleWithFixedDelay(() -> ctx.outboundHop()
                .filter(h -> h.transport() == SipAccount.Transport.UDP)
                .ifPresent(h -> {
                    try {
                        udp.sendHeartbeat(h.host(), h.port());
                    } catch (IOException e) {
                        SipContext.LOG.fine("keep-alive to " + h + " failed: " + e.getMessage());
                    }
                }), seconds, seconds, TimeUnit.SECONDS);
    }

    /**
     * The SIP messages of the last {@code lastCalls} calls (oldest first) as numbered steps F1, F2, ...
     * with start line and addresses, for {@code sipdesk flows [N]}; the last 20 calls / 400 messages
     * are kept. Any thread.
     */
    public String flows(int lastCalls) {
        return flows.format(lastCalls);
    }

    @Override
    public void execute(SipCommand command) {
        if (closed) {
            SipContext.LOG.warning("signalling closed, dropped " + command);
            return;
        }
        ctx.worker.execute(() -> {
            try {
                dispatch(command);
            } catch (RuntimeException e) {
                SipContext.LOG.log(Level.WARNING, "command " + command + " failed", e);
            }
        });
    }

    private void dispatch(SipCommand command) {
        switch (command) {
            case Register r -> registration.ensureStarted();
            case Dial d -> outgoing.dial(d.call(), d.target());
            case FollowRedirect f -> outgoing.followRedirect(f.call(), f.targetUri());
            case SendRinging s -> incoming.sendRinging(s.call());
            case Answer a -> incoming.answer(a.call());
            case Reject r -> incoming.reject(r.call(), r.code());
            case Redirect r -> incoming.redirect(r.call(), r.target());
            case CancelCall c -> inDialog.hangup(c.call());
            case Hangup h -> inDialog.hangup(h.call());
            case Hold h -> inDialog.hold(h.call(), true);
            case Resume r -> inDialog.hold(r.call(), false);
            case BlindTransfer b -> transfers.blind(b.call(), b.target());
            case AttendedTransfer a -> transfers.attended(a.transferee(), a.target());
            case SendDtmf d -> inDialog.sendDtmf(d.call(), d.digit());
            // As transferee the new call goes to the Refer-To URI; Transfers matches it to the REFER.
            case TransferCall t -> outgoing.dial(t.call(), t.target());
        }
    }

    /** Hangs up what is up, un-REGISTERs (waits up to 2 s for the answer), stops the stack. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            boolean waitForRegistrar = ctx.worker.submit(() -> {
                for (CallLeg leg : calls.all()) inDialog.hangup(leg.id);
                return registration.beginClose();
            }).get(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (waitForRegistrar) registration.awaitUnregistered(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            SipContext.LOG.warning("close: " + e);
        }
        try {
            ctx.worker.shutdownNow();
            stack.stop();
        } catch (RuntimeException e) {
            SipContext.LOG.warning("stack stop: " + e);
        } finally {
            JulServerLogger.detach(stackName);
        }
    }
}
