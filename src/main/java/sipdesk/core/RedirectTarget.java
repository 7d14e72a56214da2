package sipdesk.core;

import java.util.Objects;

/** One Contact of a 3xx response: where the call may be tried next, with its q preference (0..1). */
public record RedirectTarget(String uri, double q) {
    public RedirectTarget {
        Objects.requireNonNull(uri, "uri");
        if (q < 0 || q > 1) throw new IllegalArgumentException("q must be within 0..1, got " + q);
    }
}
