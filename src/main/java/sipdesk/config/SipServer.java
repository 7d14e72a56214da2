package sipdesk.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** {@code account.1.sip_server.N.*}: a registrar/proxy. An empty address means the slot is unused. */
public record SipServer(Optional<String> address, int port, Duration expires, Transport transport, int retryCounts) {
    public SipServer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(transport, "transport");
    }

    public boolean configured() {
        return address.isPresent();
    }
}
