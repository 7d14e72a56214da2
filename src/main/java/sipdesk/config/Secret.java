package sipdesk.config;

import java.util.Objects;

/** A value that must never reach a log, a screen or a message: its toString is {@code ****}. */
public record Secret(String reveal) {
    public static final Secret NONE = new Secret("");

    public Secret {
        Objects.requireNonNull(reveal, "reveal");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public boolean isEmpty() {
        return reveal.isEmpty();
    }

    @Override
    public String toString() {
        return "****";
    }
}
