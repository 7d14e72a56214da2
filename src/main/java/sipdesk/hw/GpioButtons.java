package sipdesk.hw;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import sipdesk.core.Key;
import sipdesk.core.PhoneEvent;
import sipdesk.core.port.EventSink;

/**
 * Push buttons on their own GPIO inputs (speaker, hold, transfer, ...), polled like the keypad:
 * debounced, long press, stuck detection. Call {@link #poll} from the same thread as the keypad.
 */
public final class GpioButtons {
    private static final Logger LOG = Logger.getLogger(GpioButtons.class.getName());

    private final Map<Key, DigitalInput> inputs;
    private final Map<Key, KeyDebouncer> keys = new LinkedHashMap<>();
    private final DigitalState pressedLevel;
    private final ButtonWiring wiring;
    private final EventSink sink;

    public GpioButtons(Map<Key, DigitalInput> inputs, ButtonWiring wiring, EventSink sink) {
        this.inputs = new LinkedHashMap<>(inputs);
        this.wiring = Objects.requireNonNull(wiring, "wiring");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.pressedLevel = wiring.pull() == Pull.UP ? DigitalState.LOW : DigitalState.HIGH;
        for (Key key : inputs.keySet()) {
            keys.put(key, new KeyDebouncer(wiring.debounce().toNanos(), wiring.longPress().toNanos(),
                    wiring.stuckAfter().toNanos()));
        }
    }

    public static GpioButtons open(Context pi4j, ButtonWiring wiring, EventSink sink) {
        PullResistance pull = wiring.pull() == Pull.UP ? PullResistance.PULL_UP : PullResistance.PULL_DOWN;
        Map<Key, DigitalInput> inputs = new LinkedHashMap<>();
        wiring.buttons().forEach((bcm, key) ->
                inputs.put(key, PiHardware.openInput(pi4j, "button-" + key.name().toLowerCase(), bcm, pull)));
        return new GpioButtons(inputs, wiring, sink);
    }

    public void poll(long nowNanos) {
        for (Map.Entry<Key, DigitalInput> e : inputs.entrySet()) {
            Key key = e.getKey();
            boolean pressed = e.getValue().state() == pressedLevel;
            switch (keys.get(key).update(pressed, nowNanos)) {
                case PRESSED -> sink.post(new PhoneEvent.KeyPress(key));
                case LONG_PRESSED -> sink.post(new PhoneEvent.KeyLongPress(key));
                case STUCK -> LOG.warning("button " + key + " held for " + wiring.stuckAfter().toSeconds()
                        + " s: treated as stuck and ignored until released");
                case UNSTUCK -> LOG.info("button " + key + " released, no longer stuck");
                case RELEASED, NONE -> { }
            }
        }
    }
}
