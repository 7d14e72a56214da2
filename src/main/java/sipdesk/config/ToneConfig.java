package sipdesk.config;

import java.util.Objects;
import java.util.Optional;
import sipdesk.core.Tone;

/**
 * {@code voice.tone.*}: the country plan as written, and the custom tones that override it
 * ({@code [!]f1[+f2..]/ms,...}; empty = the country's tone).
 */
public record ToneConfig(String country, Optional<String> dial, Optional<String> ringback, Optional<String> busy,
                         Optional<String> congestion, Optional<String> callWaiting, Optional<String> stutterDial) {

    public ToneConfig {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(dial, "dial");
        Objects.requireNonNull(ringback, "ringback");
        Objects.requireNonNull(busy, "busy");
        Objects.requireNonNull(congestion, "congestion");
        Objects.requireNonNull(callWaiting, "callWaiting");
        Objects.requireNonNull(stutterDial, "stutterDial");
    }

    /** The custom cadence for a core tone, empty when the country plan decides. */
    public Optional<String> custom(Tone tone) {
        return switch (tone) {
            case DIAL -> dial;
            case STUTTER_DIAL -> stutterDial;
            case RINGBACK -> ringback;
            case BUSY -> busy;
            case CONGESTION -> congestion;
            case CALL_WAITING -> callWaiting;
            case HOLD_REMINDER -> Optional.empty();
        };
    }
}
