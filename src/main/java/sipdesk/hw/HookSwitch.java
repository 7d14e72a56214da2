package sipdesk.hw;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.Objects;
import sipdesk.core.PhoneEvent;
import sipdesk.core.port.EventSink;

/**
 * The cradle switch, polled. Posts {@code HookOff} when the handset is lifted; an on-hook shorter
 * than the flash minimum is ignored, one between flash minimum and maximum followed by off-hook is
 * a {@code HookFlash} (and nothing else), and only an on-hook lasting past the flash maximum is a
 * {@code HookOn}. So a hang-up is reported flash-maximum (700 ms) late: the price of telling the two
 * apart, as every analogue phone pays.
 *
 * <p>At start-up the core assumes the handset is down: if it is up, the first debounced reading
 * posts {@code HookOff}. Call {@link #poll} from one thread at 100 Hz or more.
 */
public final class HookSwitch {
    private final DigitalInput input;
    private final HookWiring wiring;
    private final EventSink sink;
    private final DigitalState closedLevel;

    private boolean started;
    private boolean rawOnHook;
    private long rawSinceNanos;
    /** Debounced state; null until the first reading has been stable for the debounce time. */
    private Boolean onHook;
    /** What the core was told. */
    private boolean reportedOnHook = true;
    private long onHookSinceNanos;

    public HookSwitch(DigitalInput input, HookWiring wiring, EventSink sink) {
        this.input = Objects.requireNonNull(input, "input");
        this.wiring = Objects.requireNonNull(wiring, "wiring");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.closedLevel = wiring.pull() == Pull.UP ? DigitalState.LOW : DigitalState.HIGH;
    }

    public static HookSwitch open(Context pi4j, HookWiring wiring, EventSink sink) {
        PullResistance pull = wiring.pull() == Pull.UP ? PullResistance.PULL_UP : PullResistance.PULL_DOWN;
        return new HookSwitch(PiHardware.openInput(pi4j, "hook", wiring.bcm(), pull), wiring, sink);
    }

    public void poll(long nowNanos) {
        boolean closed = input.state() == closedLevel;
        boolean reading = wiring.normallyOpen() == closed; // NO: pressed (on-hook) closes it
        if (!started || reading != rawOnHook) {
            started = true;
            rawOnHook = reading;
            rawSinceNanos = nowNanos;
        }
        boolean settled = nowNanos - rawSinceNanos >= wiring.debounce().toNanos();
        if (settled && (onHook == null || onHook != rawOnHook)) changed(rawOnHook, rawSinceNanos);
        boolean flashOver = nowNanos - onHookSinceNanos > wiring.flashMax().toNanos();
        if (onHook != null && onHook && !reportedOnHook && flashOver) {
            reportedOnHook = true;
            sink.post(new PhoneEvent.HookOn());
        }
    }

    /** The debounced state became {@code nowOnHook}; the switch moved at {@code edgeNanos}. */
    private void changed(boolean nowOnHook, long edgeNanos) {
        boolean first = onHook == null;
        onHook = nowOnHook;
        if (nowOnHook) {
            onHookSinceNanos = edgeNanos; // a flash or a hang-up: the next poll past flashMax decides
            return;
        }
        if (first || reportedOnHook) {
            reportedOnHook = false;
            sink.post(new PhoneEvent.HookOff());
            return;
        }
        long onHookNanos = edgeNanos - onHookSinceNanos;
        if (onHookNanos >= wiring.flashMin().toNanos()) sink.post(new PhoneEvent.HookFlash());
        // shorter: a knock on the cradle, ignored
    }

    /** The debounced state, or true (on-hook) before the first stable reading. */
    public boolean isOnHook() {
        return onHook == null || onHook;
    }
}
