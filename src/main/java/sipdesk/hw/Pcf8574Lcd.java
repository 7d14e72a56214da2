package sipdesk.hw;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import sipdesk.core.Screen;
import sipdesk.core.port.Display;

/**
 * An HD44780 character LCD behind a PCF8574 I2C backpack.
 *
 * <p>Threads: {@link #show} comes from the core thread, {@link #wake} and {@link #tick} from the
 * hardware poll thread; every method is synchronized (the longest hold is one screen's writes, a
 * few ms).
 *
 * <p>A missing or dead LCD must not stop the phone: a failed write logs one warning, the phone
 * keeps going, and {@link #tick} re-initialises the LCD every {@link #RETRY_INTERVAL} until it
 * answers, then redraws the latest screen.
 */
public final class Pcf8574Lcd implements Display, AutoCloseable {
    public static final Duration RETRY_INTERVAL = Duration.ofSeconds(30);

    // HD44780 datasheet, figure 24 (4-bit initialisation by instruction).
    static final long POWER_ON_WAIT_NANOS = 50_000_000L; // > 40 ms after VCC reaches 2.7 V
    static final long FIRST_RESET_WAIT_NANOS = 4_500_000L; // > 4.1 ms
    static final long SECOND_RESET_WAIT_NANOS = 150_000L; // > 100 us
    static final long CLEAR_WAIT_NANOS = 2_000_000L; // Clear display: 1.52 ms

    private static final Logger LOG = Logger.getLogger(Pcf8574Lcd.class.getName());

    private final I2C i2c;
    private final LcdWiring wiring;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;
    private final Pcf8574Encoder encoder;
    private final LcdFrameBuffer frame;

    private boolean healthy;
    private boolean warned;
    private long nextRetryNanos;
    private Screen wanted;
    private boolean backlight = true;
    private long backlightOffAtNanos;

    /** No I/O here: call {@link #start()} (or use {@link #open}). */
    public Pcf8574Lcd(I2C i2c, LcdWiring wiring, Sleeper sleeper, LongSupplier nanoClock) {
        this.i2c = Objects.requireNonNull(i2c, "i2c");
        this.wiring = Objects.requireNonNull(wiring, "wiring");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.encoder = new Pcf8574Encoder(wiring.pins());
        this.frame = new LcdFrameBuffer(wiring.size());
    }

    /**
     * Opens the I2C device and initialises the LCD. A permission problem on /dev/i2c-N is thrown
     * (the service is misconfigured); an LCD that does not answer only logs a warning.
     */
    public static Pcf8574Lcd open(Context pi4j, LcdWiring wiring, Sleeper sleeper, LongSupplier nanoClock) {
        I2C i2c = PiHardware.openI2c(pi4j, wiring);
        Pcf8574Lcd lcd = new Pcf8574Lcd(i2c, wiring, sleeper, nanoClock);
        lcd.start();
        return lcd;
    }

    /** Initialises the LCD, backlight on. */
    public synchronized void start() {
        long now = nanoClock.getAsLong();
        backlight = true;
        backlightOffAtNanos = now + wiring.backlightTimeout().toNanos();
        initialise(now);
    }

    @Override
    public synchronized void show(Screen screen) {
        Objects.requireNonNull(screen, "screen");
        if (screen.equals(wanted)) return;
        wanted = screen;
        wake(nanoClock.getAsLong());
        if (healthy) draw();
    }

    /** Activity (a key, the hook): backlight on, and its timeout starts again. */
    public synchronized void wake(long nowNanos) {
        backlightOffAtNanos = nowNanos + wiring.backlightTimeout().toNanos();
        if (!backlight) {
            backlight = true;
            writeBacklight();
        }
    }

    /**
     * Time passes: the backlight timeout and the retry of a dead LCD. Call from the poll loop; any
     * rate of 1 Hz or more is fine.
     */
    public synchronized void tick(long nowNanos) {
        if (!healthy && nowNanos - nextRetryNanos >= 0) initialise(nowNanos);
        boolean timeoutOn = !wiring.backlightTimeout().isZero();
        if (backlight && timeoutOn && nowNanos - backlightOffAtNanos >= 0) {
            backlight = false;
            writeBacklight();
        }
    }

    public synchronized boolean isHealthy() {
        return healthy;
    }

    public synchronized boolean isBacklightOn() {
        return backlight;
    }

    /** Display and backlight off, then the I2C handle is released. */
    @Override
    public synchronized void close() {
        if (healthy) {
            try {
                Pcf8574Encoder.Frame f = new Pcf8574Encoder.Frame();
                encoder.command(f, Pcf8574Encoder.DISPLAY_OFF, false);
                i2c.write(f.toBytes());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "LCD off at shutdown failed", e);
            }
        }
        i2c.close();
    }

    // --- initialisation ---------------------------------------------------------------------

    private void initialise(long nowNanos) {
        try {
            resetTo4Bit();
            configure();
            healthy = true;
            if (warned) LOG.info("LCD on " + where() + " answers again");
            warned = false;
            if (wanted != null) draw();
        } catch (LcdFault fault) {
            failed(fault.getCause(), nowNanos);
        }
    }

    /**
     * The reset by instruction: three 0x3 nibbles with the datasheet's waits put the controller in
     * 8-bit mode whatever state it was in (even half-way through a 4-bit byte), then 0x2 selects
     * 4-bit mode.
     */
    private void resetTo4Bit() {
        write(new byte[] {(byte) encoder.idle(backlight)}); // E low: the PCF8574 powers up all high
        sleeper.sleepNanos(POWER_ON_WAIT_NANOS);
        writeNibble(0x3);
        sleeper.sleepNanos(FIRST_RESET_WAIT_NANOS);
        writeNibble(0x3);
        sleeper.sleepNanos(SECOND_RESET_WAIT_NANOS);
        Pcf8574Encoder.Frame f = new Pcf8574Encoder.Frame();
        encoder.nibble(f, 0x3, false, backlight);
        encoder.nibble(f, 0x2, false, backlight);
        write(f.toBytes());
    }

    /** 2 lines 5x8, display off, clear, left-to-right entry, display on; then our glyphs. */
    private void configure() {
        Pcf8574Encoder.Frame f = new Pcf8574Encoder.Frame();
        encoder.command(f, Pcf8574Encoder.FUNCTION_4BIT_2LINE_5X8, backlight);
        encoder.command(f, Pcf8574Encoder.DISPLAY_OFF, backlight);
        encoder.command(f, Pcf8574Encoder.CLEAR, backlight);
        write(f.toBytes());
        sleeper.sleepNanos(CLEAR_WAIT_NANOS);
        frame.cleared();

        f = new Pcf8574Encoder.Frame();
        encoder.command(f, Pcf8574Encoder.ENTRY_MODE_INCREMENT, backlight);
        for (int slot = 0; slot < LcdCharset.glyphCount(); slot++) {
            encoder.defineCharacter(f, slot, LcdCharset.bitmap(slot), backlight);
        }
        encoder.command(f, Pcf8574Encoder.DISPLAY_ON, backlight);
        write(f.toBytes());
    }

    // --- drawing ----------------------------------------------------------------------------

    private void draw() {
        List<LcdFrameBuffer.Run> runs = frame.changes(frame.layout(wanted));
        try {
            for (LcdFrameBuffer.Run run : runs) {
                int address = wiring.size().rowOffset(run.row()) + run.column();
                write(encoder.writeAt(address, run.bytes(), backlight));
                frame.written(run);
            }
        } catch (LcdFault fault) {
            failed(fault.getCause(), nanoClock.getAsLong());
        }
    }

    private void writeBacklight() {
        if (!healthy) return; // the retry's init sets the backlight bit with every byte
        try {
            write(new byte[] {(byte) encoder.idle(backlight)});
        } catch (LcdFault fault) {
            failed(fault.getCause(), nanoClock.getAsLong());
        }
    }

    private void writeNibble(int nibble) {
        Pcf8574Encoder.Frame f = new Pcf8574Encoder.Frame();
        encoder.nibble(f, nibble, false, backlight);
        write(f.toBytes());
    }

    /** Plain bytes, one I2C transaction: MockI2C and the PCF8574 both see exactly these bytes. */
    private void write(byte[] bytes) {
        try {
            i2c.write(bytes);
        } catch (RuntimeException e) {
            throw new LcdFault(e);
        }
    }

    private void failed(Throwable cause, long nowNanos) {
        healthy = false;
        frame.forget();
        nextRetryNanos = nowNanos + RETRY_INTERVAL.toNanos();
        if (!warned) {
            warned = true;
            LOG.warning("LCD: " + HardwareFaults.describe(cause, where(), "i2c")
                    + "; carrying on without it, retrying every " + RETRY_INTERVAL.toSeconds() + " s");
        } else {
            LOG.log(Level.FINE, "LCD retry failed", cause);
        }
    }

    private String where() {
        return wiring.device() + " address 0x" + Integer.toHexString(wiring.address());
    }

    /** A failed bus write, unwound to the operation that started it. */
    private static final class LcdFault extends RuntimeException {
        LcdFault(Throwable cause) {
            super(cause);
        }
    }
}
