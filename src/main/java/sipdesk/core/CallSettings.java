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
        /* how long off hook with nothing dialled before the dial tone gives way to congestion */
        Duration offHookIdleTimeout,
        /* features.intercom.allow: answer by itself a call that asks for it (Alert-Info auto-answer,
           answer-after=0, intercom=true); on by default as on Yealink phones */
        boolean intercomAllowed) {

    public enum RedirectPolicy { FOLLOW, ASK, NEVER }

    /** Yealink's defaults on a 16x2 LCD. */
    public static final CallSettings DEFAULTS = new CallSettings(16, 2, "sipdesk", Duration.ofSeconds(4),
            Optional.empty(), 480, 486, true, false, Duration.ZERO, Optional.empty(), Duration.ZERO, 2,
            RedirectPolicy.FOLLOW, 5, Duration.ofSeconds(30), true);

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

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some settings of a copy; used by the config mapping and the tests. */
    public static final class Builder {
        private int lcdColumns, lcdRows, dndRefuseCode, normalRefuseCode, noAnswerForwardRings, redirectMax;
        private String label;
        private Duration interDigitTimeout, autoAnswerDelay, busyToneDelay, offHookIdleTimeout;
        private Optional<String> digitMap, hotline;
        private boolean callWaiting, autoAnswer, intercomAllowed;
        private RedirectPolicy redirectPolicy;

        private Builder(CallSettings s) {
            lcdColumns = s.lcdColumns; lcdRows = s.lcdRows; label = s.label;
            interDigitTimeout = s.interDigitTimeout; digitMap = s.digitMap;
            dndRefuseCode = s.dndRefuseCode; normalRefuseCode = s.normalRefuseCode;
            callWaiting = s.callWaiting; autoAnswer = s.autoAnswer; autoAnswerDelay = s.autoAnswerDelay;
            hotline = s.hotline; busyToneDelay = s.busyToneDelay; noAnswerForwardRings = s.noAnswerForwardRings;
            redirectPolicy = s.redirectPolicy; redirectMax = s.redirectMax;
            offHookIdleTimeout = s.offHookIdleTimeout; intercomAllowed = s.intercomAllowed;
        }

        public Builder lcd(int columns, int rows) { lcdColumns = columns; lcdRows = rows; return this; }
        public Builder label(String v) { label = v; return this; }
        public Builder interDigitTimeout(Duration v) { interDigitTimeout = v; return this; }
        public Builder digitMap(Optional<String> v) { digitMap = v; return this; }
        public Builder dndRefuseCode(int v) { dndRefuseCode = v; return this; }
        public Builder normalRefuseCode(int v) { normalRefuseCode = v; return this; }
        public Builder callWaiting(boolean v) { callWaiting = v; return this; }
        public Builder autoAnswer(boolean v) { autoAnswer = v; return this; }
        public Builder autoAnswerDelay(Duration v) { autoAnswerDelay = v; return this; }
        public Builder hotline(Optional<String> v) { hotline = v; return this; }
        public Builder busyToneDelay(Duration v) { busyToneDelay = v; return this; }
        public Builder noAnswerForwardRings(int v) { noAnswerForwardRings = v; return this; }
        public Builder redirectPolicy(RedirectPolicy v) { redirectPolicy = v; return this; }
        public Builder redirectMax(int v) { redirectMax = v; return this; }
        public Builder offHookIdleTimeout(Duration v) { offHookIdleTimeout = v; return this; }
        public Builder intercomAllowed(boolean v) { intercomAllowed = v; return this; }

        public CallSettings build() {
            return new CallSettings(lcdColumns, lcdRows, label, interDigitTimeout, digitMap, dndRefuseCode,
                    normalRefuseCode, callWaiting, autoAnswer, autoAnswerDelay, hotline, busyToneDelay,
                    noAnswerForwardRings, redirectPolicy, redirectMax, offHookIdleTimeout, intercomAllowed);
        }
    }
}
