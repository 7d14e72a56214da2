package sipdesk.daemon;

import java.util.Optional;
import java.util.logging.Logger;
import sipdesk.config.AccountConfig;
import sipdesk.config.Keys;
import sipdesk.config.SipdeskConfig;
import sipdesk.sip.SipAccount;

/** The configuration file's account 1, as the SIP user agent wants it. */
final class SipAccounts {
    private static final Logger LOG = Logger.getLogger(SipAccounts.class.getName());
    /** Yealink's fallback port when sip_server.N.port is 0 (meant for DNS lookups we do not do). */
    private static final int DEFAULT_PORT = 5060;

    private SipAccounts() {}

    static SipAccount from(SipdeskConfig cfg) {
        AccountConfig a = cfg.account();
        var b = SipAccount.builder()
                .enabled(a.enabled() && a.server().configured() && !a.userName().isBlank())
                .user(a.userName())
                .authName(a.authName())
                .password(a.password())
                .displayName(a.displayName())
                .localPort(cfg.sip().localPort())
                .localAddress(cfg.values().get(Keys.SIP_LOCAL_ADDRESS).orElse("0.0.0.0"))
                .holdUseInactive(a.holdUseInactive())
                .trustedServersOnly(cfg.sip().trustedServersOnly())
                .regRetrySeconds((int) Math.max(1, a.registrationRetryInterval().toSeconds()))
                .keepAliveSeconds(a.keepAliveInterval().map(d -> (int) d.toSeconds()).orElse(0))
                .traceMessages(cfg.sip().trace());
        server(a.server(), "sip_server.1").ifPresent(s -> b.server1(s)
                .expiresSeconds((int) Math.max(30, a.server().expires().toSeconds())));
        server(a.backupServer(), "sip_server.2").ifPresent(b::server2);
        if (a.outboundProxy().enabled()) {
            a.outboundProxy().address().ifPresent(h -> b.outboundProxy(
                    SipAccount.SipServer.udp(h, a.outboundProxy().port() == 0 ? DEFAULT_PORT : a.outboundProxy().port())));
        }
        return b.build();
    }

    private static Optional<SipAccount.SipServer> server(sipdesk.config.SipServer s, String name) {
        if (s.address().isEmpty()) return Optional.empty();
        SipAccount.Transport t = switch (s.transport()) {
            case UDP -> SipAccount.Transport.UDP;
            case TCP -> SipAccount.Transport.TCP;
            case TLS, DNS_NAPTR -> {
                LOG.warning("account.1." + name + ".transport_type " + s.transport()
                        + " is not supported yet: using UDP");
                yield SipAccount.Transport.UDP;
            }
        };
        return Optional.of(new SipAccount.SipServer(s.address().get(), s.port() == 0 ? DEFAULT_PORT : s.port(), t));
    }

}
