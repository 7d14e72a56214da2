package sipdesk.sip;

import java.util.ListIterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import sipdesk.core.PhoneEvent.RegistrationChanged;
import sipdesk.core.RegistrationState;
import sipdesk.sip.SipAccount.SipServer;

/**
 * The REGISTER client (RFC 3261 §10.2): digest on 401/407, refresh before the granted expiry,
 * retry with doubling back-off, failover between server 1 and 2 and failback to server 1,
 * un-REGISTER on close.
 * Runs on the SIP worker thread only.
 */
final class Registration implements ResponseHandler {
    /** A registration is refreshed this long before it would expire (and at least at half time). */
    private static final int REFRESH_MARGIN_SECONDS = 10;
    private static final int MAX_BACKOFF_FACTOR = 32;

    private final SipContext ctx;
    private CallIdHeader callId;
    private final String fromTag;
    private long cseq;
    private int authAttempts;
    private int failures;
    private boolean registered;
    private boolean closing;
    private int requestedExpires;
    private ScheduledFuture<?> timer;
    /** The next failback probe of server 1 while registered at server 2; null when none is due. */
    private ScheduledFuture<?> failbackTimer;
    private boolean started;
    private final CountDownLatch unregistered = new CountDownLatch(1);

    Registration(SipContext ctx) {
        this.ctx = ctx;
        this.fromTag = ctx.tag();
    }

    boolean registered() {
        return registered;
    }

    /** The core's Register: the stack registers by itself when it starts, so this only starts it once. */
    void ensureStarted() {
        if (!started) start();
    }

    void start() {
        started = true;
        if (!ctx.account.enabled()) {
            ctx.post(new RegistrationChanged(new RegistrationState.IpDirect(ctx.localHost)));
            return;
        }
        ctx.post(new RegistrationChanged(new RegistrationState.Registering(server())));
        send(ctx.account.expiresSeconds(), null);
    }

    /**
     * The transport broke (stale TCP socket after failover): register again at once. Not while a
     * failure back-off is running: that timer owns the next attempt, and a transport that keeps
     * failing would otherwise turn every error into an immediate new REGISTER (a tight loop).
     */
    void reRegister() {
        if (!ctx.account.enabled() || closing || failures > 0) return;
        cancelTimer();
        send(ctx.account.expiresSeconds(), null);
    }

    private String server() {
        SipServer s = ctx.currentServer;
        return s.host() + ":" + s.port();
    }

    private void send(int expires, Response challenge) {
        try {
            if (callId == null) callId = ctx.provider.getNewCallId();
            requestedExpires = expires;
            SipURI registrar = ctx.addresses.createSipURI(null, ctx.account.effectiveDomain());
            if (ctx.account.effectiveDomain().equals(ctx.currentServer.host())) registrar.setPort(ctx.currentServer.port());
            Request r = ctx.newRequest(Request.REGISTER, registrar, ctx.aor(), fromTag, ctx.aor(), callId, ++cseq);
            r.addHeader(ctx.headers.createExpiresHeader(expires));
            if (challenge != null) addCredentials(ctx, r, challenge);
            ClientTransaction tx = ctx.provider.getNewClientTransaction(r);
            tx.setApplicationData(this);
            tx.sendRequest();
        } catch (Exception e) {
            SipContext.LOG.warning("REGISTER not sent: " + e);
            if (!closing) failed("cannot send: " + e.getMessage(), true);
        }
    }

    /** Adds the answer to a 401/407 to {@code r}; shared with the INVITE client. */
    static void addCredentials(SipContext ctx, Request r, Response challenge) throws Exception {
        boolean proxy = challenge.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        String name = proxy ? ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME;
        ListIterator<?> it = challenge.getHeaders(name);
        while (it.hasNext()) {
            WWWAuthenticateHeader c = (WWWAuthenticateHeader) it.next();
            if (!DigestAuth.supports(c.getAlgorithm())) continue; // RFC 8760 §2.4: use the first supported
            r.addHeader(ctx.digest.answer(c, proxy, r.getMethod(), r.getRequestURI().toString(),
                    ctx.account.effectiveAuthName(), ctx.account.password(), ctx.headers, ctx.addresses));
            return;
        }
        throw new IllegalStateException("no supported digest algorithm in the challenge");
    }

    @Override
    public void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        int code = response.getStatusCode();
        if (code < 200) return;
        if ((code == 401 || code == 407) && authAttempts < 2) {
            authAttempts++;
            send(requestedExpires, response);
            return;
        }
        authAttempts = 0;
        if (requestedExpires == 0) {
            unregistered.countDown();
            return;
        }
        if (code >= 200 && code < 300) {
            registered(grantedExpires(response));
        } else {
            String reason = code == 401 || code == 407 ? "authentication failed" : code + " " + response.getReasonPhrase();
            failed(reason, code >= 500 || code == 408);
        }
    }

    @Override
    public void onNoResponse(String why) {
        if (requestedExpires == 0) {
            unregistered.countDown();
            return;
        }
        authAttempts = 0;
        failed(why, true);
    }

    private void registered(int expires) {
        failures = 0;
        boolean changed = !registered;
        registered = true;
        if (changed) {
            try {
                ctx.post(new RegistrationChanged(new RegistrationState.Registered(server(), ctx.aor().getURI().toString())));
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
        }
        long refresh = expires > 2 * REFRESH_MARGIN_SECONDS ? expires - REFRESH_MARGIN_SECONDS : Math.max(1, expires / 2);
        SipContext.LOG.info("registered at " + server() + " for " + expires + " s, refresh in " + refresh + " s");
        schedule(refresh, () -> send(ctx.account.expiresSeconds(), null));
        armFailback();
    }

    /**
     * Yealink failback: while registered at server 2, ask server 1 every {@code failbackSeconds}
     * (an OPTIONS straight to it, no outbound proxy) and move back once it answers anything but
     * 503/408. Not with an outbound proxy: that hop is the same for both servers.
     */
    private void armFailback() {
        SipServer s1 = ctx.account.server1();
        int every = ctx.account.failbackSeconds();
        if (every <= 0 || s1 == null || ctx.currentServer == s1 || ctx.account.outboundProxy().isPresent()
                || failbackTimer != null || closing) return;
        failbackTimer = ctx.worker.schedule(this::probeServer1, every, TimeUnit.SECONDS);
    }

    private void probeServer1() {
        failbackTimer = null;
        if (closing || !registered || ctx.currentServer == ctx.account.server1()) return;
        SipServer s1 = ctx.account.server1();
        try {
            String transport = s1.transport().lower();
            SipURI target = ctx.addresses.createSipURI(null, s1.host());
            target.setPort(s1.port());
            if (s1.transport() != SipAccount.Transport.UDP) target.setTransportParam(transport);
            Request r = ctx.messages.createRequest(target, Request.OPTIONS, ctx.provider.getNewCallId(),
                    ctx.headers.createCSeqHeader(1L, Request.OPTIONS), ctx.headers.createFromHeader(ctx.aor(), ctx.tag()),
                    ctx.headers.createToHeader(ctx.addresses.createAddress(target), null),
                    java.util.List.of(ctx.via(transport)), ctx.headers.createMaxForwardsHeader(70));
            r.addHeader(ctx.contact(transport));
            r.addHeader(ctx.headers.createHeader("User-Agent", SipContext.USER_AGENT));
            ClientTransaction tx = ctx.provider.getNewClientTransaction(r);
            tx.setApplicationData(new ResponseHandler() {
                @Override
                public void onResponse(ResponseEvent event) {
                    int code = event.getResponse().getStatusCode();
                    if (code < 200) return;
                    if (code == Response.SERVICE_UNAVAILABLE || code == Response.REQUEST_TIMEOUT) armFailback();
                    else failBack();
                }

                @Override
                public void onNoResponse(String why) {
                    armFailback();
                }
            });
            tx.sendRequest();
        } catch (Exception e) {
            SipContext.LOG.fine("failback probe to " + s1 + " not sent: " + e);
            armFailback();
        }
    }

    /** Server 1 is back: register there (the binding at server 2 simply expires). */
    private void failBack() {
        if (closing || !registered || ctx.currentServer == ctx.account.server1()) return;
        SipContext.LOG.info("server 1 " + ctx.account.server1() + " answers again: registering there (failback)");
        ctx.currentServer = ctx.account.server1();
        callId = null;
        cseq = 0;
        registered = false;
        failures = 0;
        ctx.post(new RegistrationChanged(new RegistrationState.Registering(server())));
        send(ctx.account.expiresSeconds(), null);
    }

    /** Our Contact's expires in the 200 (RFC 3261 §10.2.4), else its Expires header, else what we asked. */
    private int grantedExpires(Response response) {
        ListIterator<?> it = response.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) {
            ContactHeader c = (ContactHeader) it.next();
            if (c.getAddress().getURI() instanceof SipURI u && ctx.localHost.equals(u.getHost())
                    && (u.getPort() == ctx.localPort || u.getPort() == -1) && c.getExpires() >= 0) {
                return c.getExpires();
            }
        }
        ExpiresHeader e = (ExpiresHeader) response.getHeader(ExpiresHeader.NAME);
        return e != null ? e.getExpires() : requestedExpires;
    }

    private void failed(String reason, boolean serverProblem) {
        registered = false;
        failures++;
        String failedServer = server();
        ctx.post(new RegistrationChanged(new RegistrationState.Failed(failedServer, reason)));
        long delay = (long) ctx.account.regRetrySeconds() * Math.min(MAX_BACKOFF_FACTOR, 1L << Math.min(failures - 1, 5));
        if (serverProblem && ctx.account.server2().isPresent()) {
            // Failover (Yealink successive registration): the other server, at once on the first failure.
            ctx.currentServer = ctx.currentServer == ctx.account.server1() ? ctx.account.server2().get() : ctx.account.server1();
            callId = null;
            cseq = 0;
            if (failures == 1) delay = 0;
        }
        SipContext.LOG.info("registration at " + failedServer + " failed (" + reason + "), next try in " + delay + " s");
        schedule(delay, () -> {
            ctx.post(new RegistrationChanged(new RegistrationState.Registering(server())));
            send(ctx.account.expiresSeconds(), null);
        });
    }

    private void schedule(long seconds, Runnable r) {
        cancelTimer();
        timer = ctx.worker.schedule(() -> {
            if (!closing) r.run();
        }, seconds, TimeUnit.SECONDS);
    }

    private void cancelTimer() {
        if (timer != null) timer.cancel(false);
        timer = null;
    }

    /** Starts the un-REGISTER (Expires: 0) when registered; the caller waits with {@link #awaitUnregistered}. */
    boolean beginClose() {
        closing = true;
        cancelTimer();
        if (failbackTimer != null) failbackTimer.cancel(false);
        if (!registered) return false;
        registered = false;
        send(0, null);
        return true;
    }

    void awaitUnregistered(long millis) throws InterruptedException {
        unregistered.await(millis, TimeUnit.MILLISECONDS);
    }

}
