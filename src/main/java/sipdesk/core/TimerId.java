package sipdesk.core;

import java.util.Objects;

/** A timer the core asked for; it comes back as {@link PhoneEvent.TimerExpired} with the same id. */
public record TimerId(Kind kind, String scope) {
    public enum Kind {
        /** No digit for a while after the last one: dial what was typed. */
        INTER_DIGIT,
        /** Off hook with nothing dialled for too long: stop the dial tone, play congestion. */
        OFF_HOOK_IDLE,
        /** A ringing call was not answered within N x 6 s: forward it. */
        NO_ANSWER_FORWARD,
        /** Auto-answer delay after the first ring. */
        AUTO_ANSWER,
        /** Yealink features.busy_tone_delay: how long the busy tone plays before the call clears. */
        BUSY_TONE,
        /** How long "Call ended" stays on the screen when the handset is already down. */
        ENDED_SCREEN
    }

    public TimerId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
    }

    public static TimerId of(Kind kind) {
        return new TimerId(kind, "");
    }

    public static TimerId of(Kind kind, CallId call) {
        return new TimerId(kind, call.value());
    }
}
