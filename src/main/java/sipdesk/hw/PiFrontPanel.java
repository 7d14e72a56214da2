package sipdesk.hw;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sipdesk.core.Screen;
import sipdesk.core.port.Display;

/**
 * The Pi's front panel, opened by {@link PiHardware#open}: whatever parts the wiring has.
 *
 * <p>Thread contract: {@link #poll} from one hardware thread at 100 Hz or more (every 10 ms or
 * less; 200 Hz is better for the hook flash timing); {@link #display()} and {@link #ringer()} from
 * the core thread.
 */
public final class PiFrontPanel implements FrontPanel {
    private final Optional<Pcf8574Lcd> lcd;
    private final Optional<GpioLamps> lamps;
    private final Optional<MatrixKeypad> keypad;
    private final Optional<HookSwitch> hook;
    private final Optional<GpioButtons> buttons;
    private final Optional<GpioRinger> ringer;
    private final Display display;

    PiFrontPanel(Optional<Pcf8574Lcd> lcd, Optional<GpioLamps> lamps, Optional<MatrixKeypad> keypad,
                 Optional<HookSwitch> hook, Optional<GpioButtons> buttons, Optional<GpioRinger> ringer) {
        this.lcd = lcd;
        this.lamps = lamps;
        this.keypad = keypad;
        this.hook = hook;
        this.buttons = buttons;
        this.ringer = ringer;
        this.display = this::show;
    }

    /** The LCD and the lamps as one {@link Display}. */
    @Override
    public Display display() {
        return display;
    }

    private void show(Screen screen) {
        lcd.ifPresent(l -> l.show(screen));
        lamps.ifPresent(l -> l.show(screen));
    }

    /** Scans keys and hook, runs the backlight timeout, the LCD retry and the ringer cadence. */
    @Override
    public void poll(long nowNanos) {
        keypad.ifPresent(k -> k.scan(nowNanos));
        buttons.ifPresent(b -> b.poll(nowNanos));
        hook.ifPresent(h -> h.poll(nowNanos));
        lcd.ifPresent(l -> l.tick(nowNanos));
        ringer.ifPresent(r -> r.tick(nowNanos));
    }

    /** Starts or stops the GPIO ringer, if one is wired. */
    @Override
    public void ring(boolean on) {
        ringer.ifPresent(r -> {
            if (on) r.start();
            else r.stop();
        });
    }

    public Optional<GpioRinger> ringer() {
        return ringer;
    }

    public Optional<Pcf8574Lcd> lcd() {
        return lcd;
    }

    public Optional<HookSwitch> hook() {
        return hook;
    }

    /** Ringer off, LEDs off, LCD off. The Pi4J context (the caller's) releases the lines. */
    @Override
    public void close() {
        List<AutoCloseable> parts = new ArrayList<>();
        ringer.ifPresent(parts::add);
        lamps.ifPresent(parts::add);
        keypad.ifPresent(parts::add);
        lcd.ifPresent(parts::add);
        RuntimeException failure = null;
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                if (failure == null) failure = new IllegalStateException("front panel close failed", e);
                else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }
}
