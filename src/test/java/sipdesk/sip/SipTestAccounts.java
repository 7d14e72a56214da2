package sipdesk.sip;

import sipdesk.config.Secret;
import sipdesk.sip.SipAccount.SipServer;
import sipdesk.testing.peers.FreePorts;
import sipdesk.testing.peers.Kamailio;

/** Accounts for the real-peer tests: our UA on a free port of 127.0.0.1, kamailio as server 1. */
final class SipTestAccounts {
    private SipTestAccounts() {}

    static SipAccount.Builder registeredAt(Kamailio kamailio, String user, String password) {
        return SipAccount.builder()
                .user(user)
                .password(Secret.of(password))
                .displayName("Desk " + user)
                .domain(Kamailio.DOMAIN)
                .server1(SipServer.udp("127.0.0.1", kamailio.port))
                .expiresSeconds(300)
                .localAddress("127.0.0.1")
                .localPort(FreePorts.udpAndTcp())
                .keepAliveSeconds(0)
                .regRetrySeconds(1);
    }

    /** Starts our UA with {@code account} and waits (bounded) until its registration succeeded. */
    static JainSipSignalling startRegistered(SipAccount account, sipdesk.testing.RecordingEventSink events) throws java.io.IOException {
        JainSipSignalling ua = JainSipSignalling.start(account, events);
        try {
            events.await(sipdesk.core.PhoneEvent.RegistrationChanged.class,
                    e -> e.state() instanceof sipdesk.core.RegistrationState.Registered, java.time.Duration.ofSeconds(15));
        } catch (RuntimeException | AssertionError e) {
            ua.close();
            throw e;
        }
        return ua;
    }
}
