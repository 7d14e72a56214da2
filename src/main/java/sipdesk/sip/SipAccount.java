package sipdesk.sip;

import sipdesk.config.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * What the SIP user agent needs from the configuration (Yealink {@code account.1.*} keys). Built by
 * the config mapping; {@link #builder()} fills Yealink defaults.
 *
 * @param enabled          {@code account.1.enable}; false = IP direct calls only (no REGISTER)
 * @param user             {@code user_name}: the AOR user part and Contact user
 * @param authName         {@code auth_name} ("" = same as user)
 * @param password         {@code password}
 * @param displayName      {@code display_name} ("" = none)
 * @param domain           the AOR/realm domain ("" = server 1's address)
 * @param server1          {@code sip_server.1.*}: registrar, also the outbound hop when no proxy is set
 * @param server2          {@code sip_server.2.*}: failover registrar
 * @param outboundProxy    {@code outbound_proxy.1.*} when {@code outbound_proxy_enable=1}
 * @param expiresSeconds   {@code sip_server.1.expires} asked for in REGISTER (the 200's value wins)
 * @param localAddress     the IPv4 address to bind (tests: 127.0.0.1)
 * @param localPort        {@code sip.listen_port}, for UDP and TCP alike
 * @param keepAliveSeconds {@code nat.udp_update_time}: CRLF keep-alive to the server, 0 = off
 * @param holdUseInactive  {@code hold_use_inactive}: hold with a=inactive instead of a=sendonly
 * @param trustedServersOnly {@code sip_trust_ctrl}: while registered, accept out-of-dialog
 *                         requests only from the registrar or the outbound proxy (else 403)
 * @param regRetrySeconds  {@code reg_fail_retry_interval}: first retry delay, doubled up to 32x
 * @param forwardDomain    domain of the Contact in our 302 forwards ("" = {@code domain})
 * @param failbackSeconds  Yealink {@code failback_timeout}: while registered at server 2, probe
 *                         server 1 (OPTIONS) this often and register there again once it answers;
 *                         0 = stay on server 2 until it fails
 * @param traceMessages    {@code sipdesk.sip.trace}: log every SIP message sent and received
 *                         (credentials redacted) at INFO on {@code sipdesk.sip.messages}, instead
 *                         of FINE
 */
public record SipAccount(
        boolean enabled,
        String user,
        String authName,
        Secret password,
        String displayName,
        String domain,
        SipServer server1,
        Optional<SipServer> server2,
        Optional<SipServer> outboundProxy,
        int expiresSeconds,
        String localAddress,
        int localPort,
        int keepAliveSeconds,
        boolean holdUseInactive,
        boolean trustedServersOnly,
        int regRetrySeconds,
        String forwardDomain,
        int failbackSeconds,
        boolean traceMessages) {

    public enum Transport {
        UDP, TCP;

        String lower() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One server (registrar or proxy): host, port and transport. */
    public record SipServer(String host, int port, Transport transport) {
        public SipServer {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(transport, "transport");
            if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }

        public static SipServer udp(String host, int port) {
            return new SipServer(host, port, Transport.UDP);
        }

        @Override
        public String toString() {
            return host + ":" + port + ";transport=" + transport.lower();
        }
    }

    public SipAccount {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(authName, "authName");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(server2, "server2");
        Objects.requireNonNull(outboundProxy, "outboundProxy");
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(forwardDomain, "forwardDomain");
        if (enabled && (server1 == null || user.isBlank()))
            throw new IllegalArgumentException("an enabled account needs a user and server 1");
        if (localPort < 1 || localPort > 65535)
            throw new IllegalArgumentException("localPort must be 1..65535, got " + localPort);
        if (expiresSeconds < 30) throw new IllegalArgumentException("expiresSeconds must be >= 30, got " + expiresSeconds);
        if (regRetrySeconds < 1) throw new IllegalArgumentException("regRetrySeconds must be >= 1, got " + regRetrySeconds);
        if (keepAliveSeconds < 0) throw new IllegalArgumentException("keepAliveSeconds must be >= 0");
        if (failbackSeconds < 0) throw new IllegalArgumentException("failbackSeconds must be >= 0, got " + failbackSeconds);
    }

    /** The name digest authentication uses. */
    public String effectiveAuthName() {
        return authName.isBlank() ? user : authName;
    }

    /** The AOR domain and digest realm fallback: {@code domain}, else server 1's host, else our address. */
    public String effectiveDomain() {
        if (!domain.isBlank()) return domain;
        return server1 != null ? server1.host() : localAddress;
    }

    public String effectiveForwardDomain() {
        return forwardDomain.isBlank() ? effectiveDomain() : forwardDomain;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Yealink defaults: expires 3600, retry 30 s, keep-alive 30 s, UDP 5060, hold with sendonly,
     * failback probe every 3600 s; trace off.
     */
    public static final class Builder {
        private boolean enabled = true;
        private String user = "";
        private String authName = "";
        private Secret password = Secret.of("");
        private String displayName = "";
        private String domain = "";
        private SipServer server1;
        private SipServer server2;
        private SipServer outboundProxy;
        private int expiresSeconds = 3600;
        private String localAddress = "0.0.0.0";
        private int localPort = 5060;
        private int keepAliveSeconds = 30;
        private boolean holdUseInactive;
        private boolean trustedServersOnly;
        private int regRetrySeconds = 30;
        private String forwardDomain = "";
        private int failbackSeconds = 3600;
        private boolean traceMessages;

        public Builder enabled(boolean v) { enabled = v; return this; }
        public Builder user(String v) { user = v; return this; }
        public Builder authName(String v) { authName = v; return this; }
        public Builder password(Secret v) { password = v; return this; }
        public Builder displayName(String v) { displayName = v; return this; }
        public Builder domain(String v) { domain = v; return this; }
        public Builder server1(SipServer v) { server1 = v; return this; }
        public Builder server2(SipServer v) { server2 = v; return this; }
        public Builder outboundProxy(SipServer v) { outboundProxy = v; return this; }
        public Builder expiresSeconds(int v) { expiresSeconds = v; return this; }
        public Builder localAddress(String v) { localAddress = v; return this; }
        public Builder localPort(int v) { localPort = v; return this; }
        public Builder keepAliveSeconds(int v) { keepAliveSeconds = v; return this; }
        public Builder holdUseInactive(boolean v) { holdUseInactive = v; return this; }
        public Builder trustedServersOnly(boolean v) { trustedServersOnly = v; return this; }
        public Builder regRetrySeconds(int v) { regRetrySeconds = v; return this; }
        public Builder forwardDomain(String v) { forwardDomain = v; return this; }
        public Builder failbackSeconds(int v) { failbackSeconds = v; return this; }
        public Builder traceMessages(boolean v) { traceMessages = v; return this; }

        public SipAccount build() {
            return new SipAccount(enabled, user, authName, password, displayName, domain, server1,
                    Optional.ofNullable(server2), Optional.ofNullable(outboundProxy), expiresSeconds,
                    localAddress, localPort, keepAliveSeconds, holdUseInactive, trustedServersOnly,
                    regRetrySeconds, forwardDomain, failbackSeconds, traceMessages);
        }
    }
}
