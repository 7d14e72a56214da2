package sipdesk.config;

/**
 * The local SIP stack: {@code sipdesk.sip.local_port}, {@code sipdesk.sip.trace} and Yealink's
 * {@code sip.trust_ctrl} (accept requests only from the configured servers).
 */
public record SipStackConfig(int localPort, boolean trace, boolean trustedServersOnly) {
    public SipStackConfig {
        if (localPort < 1 || localPort > 65535) throw new IllegalArgumentException("localPort " + localPort);
    }
}
