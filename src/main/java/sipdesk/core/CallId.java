package sipdesk.core;

import java.util.Objects;

/** Names one call leg between the core and the signalling adapter; opaque to both sides. */
public record CallId(String value) {
    public CallId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) throw new IllegalArgumentException("call id must not be blank");
    }

    @Override
    public String toString() {
        return value;
    }
}
