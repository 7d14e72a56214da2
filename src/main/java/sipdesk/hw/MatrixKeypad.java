package sipdesk.hw;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import sipdesk.core.Key;
import sipdesk.core.PhoneEvent;
import sipdesk.core.port.EventSink;

/**
 * A matrix keypad scanned by polling: {@link #scan} drives each row in turn and reads the columns.
 * Call it from one thread at 100 Hz or more (every 10 ms or less): the 20 ms debounce needs at
 * least two readings.
 *
 * <p>Posts {@code KeyPress} once a key has read down for the debounce time, and {@code
 * KeyLongPress} once it has been held for the long-press time. A matrix without diodes cannot tell
 * three keys at the corners of a rectangle from four ("ghosting"), so while more than one key reads
 * down no new key is accepted; keys already down stay down. A key held past the stuck time is
 * warned about once and ignored until released, so it cannot block the others.
 */
public final class MatrixKeypad implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MatrixKeypad.class.getName());

    private final List<DigitalOutput> rows;
    private final List<DigitalInput> columns;
    private final KeypadWiring wiring;
    private final EventSink sink;
    private final KeyDebouncer[][] keys;
    private final boolean[][] reading;
    private final DigitalState active;
    private final DigitalState inactive;

    /** No I/O here; {@link #open} creates the GPIO lines. */
    public MatrixKeypad(List<DigitalOutput> rows, List<DigitalInput> columns, KeypadWiring wiring, EventSink sink) {
        this.rows = List.copyOf(rows);
        this.columns = List.copyOf(columns);
        this.wiring = Objects.requireNonNull(wiring, "wiring");
        this.sink = Objects.requireNonNull(sink, "sink");
        if (rows.size() != wiring.rows().size() || columns.size() != wiring.columns().size()) {
            throw new IllegalArgumentException("keypad: GPIO lines do not match the wiring");
        }
        this.keys = new KeyDebouncer[rows.size()][columns.size()];
        for (KeyDebouncer[] row : keys) {
            for (int c = 0; c < row.length; c++) {
                row[c] = new KeyDebouncer(wiring.debounce().toNanos(), wiring.longPress().toNanos(),
                        wiring.stuckAfter().toNanos());
            }
        }
        this.reading = new boolean[rows.size()][columns.size()];
        this.active = wiring.rowsActiveLow() ? DigitalState.LOW : DigitalState.HIGH;
        this.inactive = wiring.rowsActiveLow() ? DigitalState.HIGH : DigitalState.LOW;
    }

    /** Creates the row outputs (idle) and the column inputs (pulled to the idle level). */
    public static MatrixKeypad open(Context pi4j, KeypadWiring wiring, EventSink sink) {
        DigitalState idle = wiring.rowsActiveLow() ? DigitalState.HIGH : DigitalState.LOW;
        PullResistance pull = wiring.rowsActiveLow() ? PullResistance.PULL_UP : PullResistance.PULL_DOWN;
        List<DigitalOutput> rowLines = new ArrayList<>();
        for (int r = 0; r < wiring.rows().size(); r++) {
            rowLines.add(PiHardware.openOutput(pi4j, "keypad-row-" + r, wiring.rows().get(r), idle));
        }
        List<DigitalInput> columnLines = new ArrayList<>();
        for (int c = 0; c < wiring.columns().size(); c++) {
            columnLines.add(PiHardware.openInput(pi4j, "keypad-column-" + c, wiring.columns().get(c), pull));
        }
        return new MatrixKeypad(rowLines, columnLines, wiring, sink);
    }

    /** One full scan of the matrix at {@code nowNanos} (a monotonic clock: System.nanoTime). */
    public void scan(long nowNanos) {
        int down = readMatrix();
        for (int r = 0; r < keys.length; r++) {
            for (int c = 0; c < keys[r].length; c++) {
                KeyDebouncer key = keys[r][c];
                // Ambiguous scan (ghosting, or two keys at once): no new key, held keys stay held.
                boolean pressed = reading[r][c] && (down <= 1 || key.isDown());
                report(r, c, key.update(pressed, nowNanos));
            }
        }
    }

    /** Reads every crossing into {@link #reading}; returns how many read down, stuck keys aside. */
    private int readMatrix() {
        int down = 0;
        for (int r = 0; r < rows.size(); r++) {
            DigitalOutput row = rows.get(r);
            row.state(active);
            for (int c = 0; c < columns.size(); c++) {
                boolean pressed = columns.get(c).state() == active;
                reading[r][c] = pressed;
                if (pressed && !keys[r][c].isStuck()) down++;
            }
            row.state(inactive);
        }
        return down;
    }

    private void report(int row, int column, KeyDebouncer.Change change) {
        Key key = wiring.keyAt(row, column);
        switch (change) {
            case PRESSED -> sink.post(new PhoneEvent.KeyPress(key));
            case LONG_PRESSED -> sink.post(new PhoneEvent.KeyLongPress(key));
            case STUCK -> LOG.warning("keypad: " + key + " (row " + row + ", column " + column + ") held for "
                    + wiring.stuckAfter().toSeconds() + " s: treated as stuck and ignored until released");
            case UNSTUCK -> LOG.info("keypad: " + key + " released, no longer stuck");
            case RELEASED, NONE -> { }
        }
    }

    /** Rows back to idle; Pi4J's context shutdown releases the lines. */
    @Override
    public void close() {
        for (DigitalOutput row : rows) {
            try {
                row.state(inactive);
            } catch (RuntimeException ignored) {
                // shutting down: nothing to do about a line that is already gone
            }
        }
    }
}
