package sipdesk.hw.serial;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import sipdesk.core.PhoneEvent;
import sipdesk.core.Screen;
import sipdesk.core.port.Display;
import sipdesk.core.port.EventSink;
import sipdesk.hw.FrontPanel;
import sipdesk.hw.HardwareUnavailableException;
import sipdesk.hw.LcdCharset;
import sipdesk.hw.LcdFrameBuffer;
import sipdesk.hw.LcdSize;
import sipdesk.hw.serial.SerialPanelProtocol.Inbound;

/**
 * A front panel whose keypad, hook and LCD hang off a microcontroller on a serial line
 * (hardware/SERIAL.md). Keys and the hook become {@link PhoneEvent}s; screens, lamps, backlight
 * and ringer become protocol lines.
 *
 * <p>Thread contract, as for the Pi panel: {@link #poll} from one hardware thread at 50 Hz or more
 * does every read and write; {@link #show} and {@link #ring} (core thread) only record what is
 * wanted, so the core never waits on the serial line. All methods are synchronized.
 *
 * <p>The panel may vanish (USB unplugged, firmware hung) and come back: a failed read or write,
 * or no line for {@link Options#silenceTimeout} although we PING every {@link Options#pingInterval},
 * closes the link; {@link #poll} then reopens it every {@link Options#retryInterval} and, once the
 * panel speaks again, sends the whole state anew. One warning per outage, one info when it ends.
 */
public final class SerialFrontPanel implements FrontPanel, Display {
    private static final Logger LOG = Logger.getLogger(SerialFrontPanel.class.getName());
    /** Bad lines warned about per connection; later ones are logged at FINE (a babbling firmware). */
    static final int MALFORMED_WARNINGS = 5;

    /**
     * @param backlightTimeout off after this long without a key or a new screen; ZERO keeps it on
     */
    public record Options(LongSupplier nanoClock, Duration retryInterval, Duration pingInterval, Duration silenceTimeout,
                          Duration backlightTimeout) {
        public static final Options DEFAULTS = new Options(System::nanoTime, Duration.ofSeconds(3), Duration.ofSeconds(2),
                Duration.ofSeconds(7), Duration.ofSeconds(30));

        public Options {
            Objects.requireNonNull(nanoClock, "nanoClock");
            if (silenceTimeout.compareTo(pingInterval) <= 0) throw new IllegalArgumentException("silenceTimeout <= pingInterval");
            if (retryInterval.isNegative() || retryInterval.isZero()) throw new IllegalArgumentException("retryInterval <= 0");
        }

        public Options withBacklightTimeout(Duration timeout) {
            return new Options(nanoClock, retryInterval, pingInterval, silenceTimeout, timeout);
        }
    }

    private final SerialConnector connector;
    private final LcdFrameBuffer layout;
    private final LcdSize size;
    private final EventSink sink;
    private final Options options;
    private final LineSplitter splitter = new LineSplitter();

    // What the core wants.
    private Screen wanted;
    private boolean ringing;
    private boolean backlight = true;
    private long backlightOffAtNanos;

    // The link.
    private SerialLink link;
    private String where;
    private boolean heardSinceConnect;
    private long nextAttemptNanos;
    private long lastHeardNanos;
    private long lastPingNanos;
    private boolean outage;
    private int malformed;
    private String firmware = "";
    private boolean offHook;

    // What the microcontroller has; null = unknown, sent again.
    private String[] sentRows;
    private Set<Screen.Lamp> sentLamps;
    private Boolean sentRinger;
    private Boolean sentBacklight;
    private boolean glyphsSent;

    /** No I/O here: {@link #open} connects. */
    public SerialFrontPanel(SerialConnector connector, LcdSize size, EventSink sink, Options options) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.size = Objects.requireNonNull(size, "size");
        this.layout = new LcdFrameBuffer(size);
        this.sink = Objects.requireNonNull(sink, "sink");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Connects once. A port the service may not open, or jssc's native library failing, is thrown
     * (an administrator must act); a port that is absent or busy only logs a warning, and
     * {@link #poll} keeps trying: the panel may be plugged in later.
     */
    public static SerialFrontPanel open(SerialConnector connector, LcdSize size, EventSink sink, Options options) {
        SerialFrontPanel panel = new SerialFrontPanel(connector, size, sink, options);
        SerialLinkException failure = panel.connect(options.nanoClock().getAsLong());
        if (failure != null && failure.reason().needsAdmin()) {
            throw new HardwareUnavailableException("serial front panel: " + failure.getMessage(), failure);
        }
        return panel;
    }

    @Override
    public synchronized void show(Screen screen) {
        Objects.requireNonNull(screen, "screen");
        if (screen.equals(wanted)) return;
        wanted = screen;
        wake(options.nanoClock().getAsLong());
    }

    /** The panel is its own display: screens are recorded here and sent by {@link #poll}. */
    @Override
    public Display display() {
        return this;
    }

    /** The ringer on (the firmware plays its cadence) or off. */
    @Override
    public synchronized void ring(boolean on) {
        ringing = on;
    }

    /** Reads and handles what arrived, keeps the link alive, sends what changed; reconnects when due. */
    @Override
    public synchronized void poll(long nowNanos) {
        if (link == null) {
            if (nowNanos - nextAttemptNanos >= 0) connect(nowNanos);
            if (link == null) return;
        }
        try {
            receive(nowNanos);
            if (link == null) return; // a line made us drop it
            keepAlive(nowNanos);
            if (link == null) return;
            backlightTimeout(nowNanos);
            if (heardSinceConnect) sendChanges();
        } catch (java.io.IOException e) {
            lost(nowNanos, e.getMessage());
        }
    }

    /** True while the panel is connected and has answered. */
    public synchronized boolean isConnected() {
        return link != null && heardSinceConnect;
    }

    /** What the panel said in its last HELLO; "" before one. */
    public synchronized String firmware() {
        return firmware;
    }

    public synchronized boolean isBacklightOn() {
        return backlight;
    }

    /** Ringer and backlight off, then the port is released. */
    @Override
    public synchronized void close() {
        if (link == null) return;
        try {
            send(SerialPanelProtocol.ringer(false));
            send(SerialPanelProtocol.backlight(false));
        } catch (java.io.IOException e) {
            LOG.log(Level.FINE, "serial panel: goodbye not sent", e);
        }
        link.close();
        link = null;
    }

    // --- connection --------------------------------------------------------------------------

    /** Opens the link; returns the failure (already logged) or null. */
    private SerialLinkException connect(long nowNanos) {
        try {
            link = connector.open();
        } catch (SerialLinkException e) {
            nextAttemptNanos = nowNanos + options.retryInterval().toNanos();
            startOutage(e.getMessage());
            return e;
        }
        where = link.describe();
        splitter.reset();
        forgetDeviceState();
        heardSinceConnect = false;
        malformed = 0;
        lastHeardNanos = nowNanos;
        lastPingNanos = nowNanos - options.pingInterval().toNanos(); // ask at once: PONG tells us it is alive
        LOG.fine(() -> "serial panel: opened " + where);
        return null;
    }

    private void lost(long nowNanos, String why) {
        if (link != null) link.close();
        link = null;
        nextAttemptNanos = nowNanos + options.retryInterval().toNanos();
        startOutage((where == null ? "" : where + ": ") + why);
    }

    private void startOutage(String why) {
        if (outage) {
            LOG.fine(() -> "serial panel still unavailable: " + why);
            return;
        }
        outage = true;
        LOG.warning("serial front panel unavailable: " + why + "; the phone carries on without it and retries every "
                + seconds(options.retryInterval()));
    }

    private void heard(long nowNanos) {
        lastHeardNanos = nowNanos;
        if (heardSinceConnect) return;
        heardSinceConnect = true;
        if (outage) {
            outage = false;
            LOG.info("serial front panel on " + where + " answers again");
        }
    }

    private void keepAlive(long nowNanos) throws java.io.IOException {
        if (nowNanos - lastHeardNanos > options.silenceTimeout().toNanos()) {
            lost(nowNanos, "no answer for " + seconds(options.silenceTimeout()) + " (PING without PONG)");
            return;
        }
        if (nowNanos - lastPingNanos >= options.pingInterval().toNanos()) {
            lastPingNanos = nowNanos;
            send(SerialPanelProtocol.ping());
        }
    }

    // --- microcontroller to phone ------------------------------------------------------------

    private void receive(long nowNanos) throws java.io.IOException {
        byte[] bytes = link.read();
        if (bytes.length == 0) return;
        List<String> lines = splitter.feed(bytes);
        for (String line : lines) {
            heard(nowNanos);
            handle(SerialPanelProtocol.parse(line), nowNanos);
            if (link == null) return;
        }
    }

    private void handle(Inbound in, long nowNanos) throws java.io.IOException {
        switch (in) {
            case Inbound.Pressed p -> input(new PhoneEvent.KeyPress(p.key()), nowNanos);
            case Inbound.LongPressed p -> input(new PhoneEvent.KeyLongPress(p.key()), nowNanos);
            case Inbound.Hook h -> {
                if (h.offHook() == offHook) return; // repeated after a HELLO: nothing changed
                offHook = h.offHook();
                input(offHook ? new PhoneEvent.HookOff() : new PhoneEvent.HookOn(), nowNanos);
            }
            case Inbound.Flash f -> input(new PhoneEvent.HookFlash(), nowNanos);
            case Inbound.Hello h -> {
                firmware = h.firmware();
                LOG.info("serial front panel on " + where + ": firmware '" + firmware + "'");
                forgetDeviceState(); // it has reset: its LCD is blank, its LEDs off
            }
            case Inbound.Ping p -> send(SerialPanelProtocol.pong());
            case Inbound.Pong p -> { }
            case Inbound.Comment c -> LOG.fine(() -> "serial panel says: " + c.text());
            case Inbound.Malformed m -> malformed(m);
        }
    }

    private void input(PhoneEvent event, long nowNanos) {
        wake(nowNanos);
        sink.post(event);
    }

    private void malformed(Inbound.Malformed m) {
        malformed++;
        String text = "serial front panel on " + where + ": ignored line '" + m.line() + "': " + m.why();
        if (malformed <= MALFORMED_WARNINGS) {
            LOG.warning(text + (malformed == MALFORMED_WARNINGS ? " (further bad lines are logged at FINE)" : ""));
        } else {
            LOG.fine(text);
        }
    }

    // --- phone to microcontroller ------------------------------------------------------------

    private void wake(long nowNanos) {
        backlightOffAtNanos = nowNanos + options.backlightTimeout().toNanos();
        backlight = true;
    }

    private void backlightTimeout(long nowNanos) {
        if (backlight && !options.backlightTimeout().isZero() && nowNanos - backlightOffAtNanos >= 0) backlight = false;
    }

    private void sendChanges() throws java.io.IOException {
        if (!glyphsSent) {
            for (int slot = 0; slot < LcdCharset.glyphCount(); slot++) {
                send(SerialPanelProtocol.glyph(slot, LcdCharset.bitmap(slot)));
            }
            glyphsSent = true;
        }
        if (wanted != null) sendRows(layout.layout(wanted));
        Set<Screen.Lamp> lamps = wanted == null ? Set.of() : wanted.lamps();
        for (Screen.Lamp lamp : Screen.Lamp.values()) {
            boolean on = lamps.contains(lamp);
            if (sentLamps == null || sentLamps.contains(lamp) != on) send(SerialPanelProtocol.led(lamp, on));
        }
        sentLamps = lamps.isEmpty() ? EnumSet.noneOf(Screen.Lamp.class) : EnumSet.copyOf(lamps);
        if (sentBacklight == null || sentBacklight != backlight) {
            send(SerialPanelProtocol.backlight(backlight));
            sentBacklight = backlight;
        }
        if (sentRinger == null || sentRinger != ringing) {
            send(SerialPanelProtocol.ringer(ringing));
            sentRinger = ringing;
        }
    }

    private void sendRows(byte[] cells) throws java.io.IOException {
        for (int row = 0; row < size.rows(); row++) {
            byte[] rowCells = Arrays.copyOfRange(cells, row * size.columns(), (row + 1) * size.columns());
            String line = SerialPanelProtocol.display(row, rowCells);
            if (!line.equals(sentRows[row])) {
                send(line);
                sentRows[row] = line;
            }
        }
    }

    private void forgetDeviceState() {
        sentRows = new String[size.rows()];
        sentLamps = null;
        sentRinger = null;
        sentBacklight = null;
        glyphsSent = false;
    }

    /** "3 s", "0.3 s" */
    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : (d.toMillis() / 1000.0) + " s";
    }

    private void send(String line) throws java.io.IOException {
        link.write(SerialPanelProtocol.wire(line));
    }
}
