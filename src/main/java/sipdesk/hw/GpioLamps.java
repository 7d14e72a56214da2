package sipdesk.hw;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import sipdesk.core.Screen;
import sipdesk.core.port.Display;

/** LEDs showing the screen's lamps (DND, message waiting, ...). A lamp with no LED is not shown. */
public final class GpioLamps implements Display, AutoCloseable {
    private final Map<Screen.Lamp, DigitalOutput> leds;
    private final boolean activeHigh;

    public GpioLamps(Map<Screen.Lamp, DigitalOutput> leds, boolean activeHigh) {
        this.leds = new EnumMap<>(Screen.Lamp.class);
        this.leds.putAll(Objects.requireNonNull(leds, "leds"));
        this.activeHigh = activeHigh;
    }

    public static GpioLamps open(Context pi4j, LampWiring wiring) {
        Map<Screen.Lamp, DigitalOutput> leds = new EnumMap<>(Screen.Lamp.class);
        DigitalState off = wiring.activeHigh() ? DigitalState.LOW : DigitalState.HIGH;
        wiring.pins().forEach((lamp, bcm) ->
                leds.put(lamp, PiHardware.openOutput(pi4j, "lamp-" + lamp.name().toLowerCase(), bcm, off)));
        return new GpioLamps(leds, wiring.activeHigh());
    }

    @Override
    public synchronized void show(Screen screen) {
        leds.forEach((lamp, led) -> set(led, screen.lamps().contains(lamp)));
    }

    private void set(DigitalOutput led, boolean lit) {
        led.state(lit == activeHigh ? DigitalState.HIGH : DigitalState.LOW);
    }

    @Override
    public synchronized void close() {
        leds.values().forEach(led -> set(led, false));
    }
}
