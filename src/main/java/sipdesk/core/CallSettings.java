package sipdesk.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration the core decides with, already validated (from sipdesk.cfg, Yealink names in
 * the comments). Keypad-changeable settings (DND, forwards) live in {@link UserSettings}.
 */
public record CallSettings(
        /* sipdesk.lcd.columns / rows */
        int lcdColumns,
        int lcdRows,
        /* account.1.label, shown on the idle screen */
        String label,
        /* Yealink's inter-digit timer (dialling ends after this long without a key): 4 s */
        Duration interDigitTimeout,
        /* account.1.dialplan.digitmap.string; empty means only # and the timer end dialling */
        Optional<String> digitMap,
        /* features.dnd_refuse_code: 480 by default (404, 480, 486, 603) */
        int dndRefuseCode,
        /* features.normal_refuse_code: 486 by default */
        int normalRefuseCode,
        /* call_waiting.enable: on by default */
        boolean callWaiting,
        /* account.1.auto_answer */
        boolean autoAnswer,
        /* features.auto_answer_delay, seconds */
        Duration autoAnswerDelay,
        /* account.1.auto_dial_enable / auto_dial_num (hotline) */
        Optional<String> hotline,
        /* features.busy_tone_delay: 0, 3 or 5 s of busy tone before the screen clears */
        Duration busyToneDelay,
        /* account.1.timeout_fwd.timeout: rings (x 6 s) before no-answer forward; 2 by default */
        int noAnswerForwardRings,
        /* sipdesk.redirect.policy: follow, ask, never */
        RedirectPolicy redirectPolicy,
        /* sipdesk.redirect.max: at most this many redirect targets are tried per call */
        int redirectMax,
        /* account.1.hold_use_inactive etc. are the adapter's business; this is how long off hook
           with nothing dialled before the dial tone gives way to congestion */
        Duration offHookIdleTimeout) {

    public enum RedirectPolicy { FOLLOW, ASK, NEVER }

    /** Yealink's defaults on a 16x2 LCD. */
    public static final CallSettings DEFAULTS = new CallSettings(16, 2, "sipdesk", Duration.ofSeconds(4),
            Optional.empty(), 480, 486, true, false, Duration.ZERO, Optional.empty(), Duration.ZERO, 2,
            RedirectPolicy.FOLLOW, 5, Duration.ofSeconds(30));

    /** Yealink's no-answer forward fires after N rings of 6 s each. */
    public static final Duration RING_PERIOD = Duration.ofSeconds(6);

    public CallSettings {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(interDigitTimeout, "interDigitTimeout");
        Objects.requireNonNull(digitMap, "digitMap");
        Objects.requireNonNull(autoAnswerDelay, "autoAnswerDelay");
        Objects.requireNonNull(hotline, "hotline");
        Objects.requireNonNull(busyToneDelay, "busyToneDelay");
        Objects.requireNonNull(redirectPolicy, "redirectPolicy");
        Objects.requireNonNull(offHookIdleTimeout, "offHookIdleTimeout");
        if (lcdColumns < 8 || lcdRows < 2) throw new IllegalArgumentException("LCD too small: " + lcdColumns + "x" + lcdRows);
        if (redirectMax < 0) throw new IllegalArgumentException("redirectMax < 0");
    }

    public Duration noAnswerForwardDelay() {
        return RING_PERIOD.multipliedBy(noAnswerForwardRings);
    }
}
