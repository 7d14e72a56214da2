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
}
