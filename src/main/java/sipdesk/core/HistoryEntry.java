package sipdesk.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One line of the call history. {@code talked} is zero for calls that never connected. */
public record HistoryEntry(Instant when, Direction direction, Party peer, Duration talked) {
    public enum Direction { OUTGOING, INCOMING, MISSED, FORWARDED, REJECTED }

    public HistoryEntry {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(talked, "talked");
    }
}
