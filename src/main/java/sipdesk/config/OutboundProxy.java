package sipdesk.config;

import java.util.Objects;
import java.util.Optional;

/** {@code account.1.outbound_proxy_enable} and {@code outbound_proxy.1.*}; used only when enabled and addressed. */
public record OutboundProxy(boolean enabled, Optional<String> address, int port) {
    public static final OutboundProxy NONE = new OutboundProxy(false, Optional.empty(), 5060);

    public OutboundProxy {
        Objects.requireNonNull(address, "address");
        if (enabled && address.isEmpty()) throw new IllegalArgumentException("an enabled outbound proxy needs an address");
    }
}
