package sipdesk.hw;

import java.util.Map;
import sipdesk.core.Screen;

/**
 * LEDs for the screen's lamps, each on a GPIO output through a resistor (about 330 Ohm at 3.3 V).
 *
 * @param activeHigh true: the GPIO sources current (LED to GND); false: it sinks it (LED to 3.3 V)
 */
public record LampWiring(Map<Screen.Lamp, Integer> pins, boolean activeHigh) {
    /** DND on GPIO23 (pin 16), message waiting on GPIO24 (pin 18). */
    public static final LampWiring DEFAULT = new LampWiring(
            Map.of(Screen.Lamp.DND, 23, Screen.Lamp.MESSAGE_WAITING, 24), true);

    public LampWiring {
        pins = Map.copyOf(pins);
        pins.forEach((lamp, bcm) -> Bcm.check(bcm, "lamp " + lamp));
    }
}
