package sipdesk.core;

import java.util.Objects;

/** One call-forward rule (always, busy or no answer): on or off, and where to. */
public record Forward(boolean enabled, String target) {
    public static final Forward OFF = new Forward(false, "");

    public Forward {
        Objects.requireNonNull(target, "target");
        if (enabled && target.isBlank()) throw new IllegalArgumentException("an enabled forward needs a target");
    }

    public static Forward to(String target) {
        return new Forward(true, target);
    }
}
