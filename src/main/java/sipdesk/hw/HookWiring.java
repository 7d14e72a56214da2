package sipdesk.hw;

import java.time.Duration;

/**
 * The cradle (hook) switch on one GPIO input.
 *
 * <p>Polarity: the handset's weight presses the switch. A normally-open switch is therefore closed
 * while the handset is down; a normally-closed one is open. With {@link Pull#UP} the switch goes to
 * GND and "closed" reads LOW; with {@link Pull#DOWN} it goes to 3.3 V and "closed" reads HIGH.
 *
 * @param flashMin a shorter on-hook is contact bounce and ignored
 * @param flashMax a longer on-hook is a real hang-up (Yealink: 100-700 ms)
 */
public record HookWiring(int bcm, boolean normallyOpen, Pull pull, Duration debounce,
                         Duration flashMin, Duration flashMax) {
    /** GPIO17 (pin 11) to a normally-open switch to GND, internal pull-up. */
    public static final HookWiring DEFAULT = new HookWiring(17, true, Pull.UP,
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(700));

    public HookWiring {
        Bcm.check(bcm, "hook");
        if (pull == Pull.OFF) {
            // OFF is allowed (external resistor), but then we cannot tell which level is "closed".
            throw new IllegalArgumentException("hook: pull must be UP or DOWN (it says which level means closed)");
        }
        if (debounce.isNegative() || flashMin.isNegative()) throw new IllegalArgumentException("hook: negative time");
        if (flashMax.compareTo(flashMin) < 0) throw new IllegalArgumentException("hook: flashMax < flashMin");
    }
}
