package sipdesk.hw;

import java.time.Duration;
import java.util.Map;
import sipdesk.core.Key;

/**
 * Extra push buttons, each on its own GPIO input, switching to GND (pull-up: pressed reads LOW)
 * or, with {@code pull = DOWN}, to 3.3 V.
 */
public record ButtonWiring(Map<Integer, Key> buttons, Pull pull, Duration debounce, Duration longPress,
                           Duration stuckAfter) {
    public static final ButtonWiring NONE = new ButtonWiring(Map.of(), Pull.UP,
            Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** Speaker GPIO22 (pin 15), hold GPIO27 (pin 13), transfer GPIO25 (pin 22), redial GPIO26 (pin 37), DND GPIO4 (pin 7). */
    public static final ButtonWiring DEFAULT = new ButtonWiring(
            Map.of(22, Key.SPEAKER, 27, Key.HOLD, 25, Key.TRANSFER, 26, Key.REDIAL, 4, Key.DND), Pull.UP,
            Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofSeconds(30));

    public ButtonWiring {
        buttons = Map.copyOf(buttons);
        buttons.keySet().forEach(bcm -> Bcm.check(bcm, "button"));
        if (pull == Pull.OFF) throw new IllegalArgumentException("buttons: pull must be UP or DOWN");
        if (debounce.isNegative() || longPress.compareTo(debounce) <= 0 || stuckAfter.compareTo(longPress) <= 0) {
            throw new IllegalArgumentException("buttons: need 0 <= debounce < longPress < stuckAfter");
        }
    }
}
