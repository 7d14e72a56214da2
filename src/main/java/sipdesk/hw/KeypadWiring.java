package sipdesk.hw;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import sipdesk.core.Key;

/**
 * A matrix keypad: the rows are outputs the scan drives one at a time, the columns are inputs.
 *
 * @param layout        {@code layout.get(row).get(column)}: the key at each crossing
 * @param rowsActiveLow true (default): the driven row goes LOW and the columns have pull-ups, so a
 *                      pressed key reads LOW; false: the row goes HIGH and the columns pull down
 * @param debounce      a key must read the same for this long before it counts
 * @param longPress     held this long: {@code KeyLongPress} (after the {@code KeyPress})
 * @param stuckAfter    held this long: the key is stuck, ignored (warned once) until released
 */
public record KeypadWiring(List<Integer> rows, List<Integer> columns, List<List<Key>> layout,
                           boolean rowsActiveLow, Duration debounce, Duration longPress,
                           Duration stuckAfter) {

    /** 1 2 3 / 4 5 6 / 7 8 9 / * 0 #: the dial pad of every phone. */
    public static final List<List<Key>> PHONE_4X3 = List.of(
            List.of(Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3),
            List.of(Key.DIGIT_4, Key.DIGIT_5, Key.DIGIT_6),
            List.of(Key.DIGIT_7, Key.DIGIT_8, Key.DIGIT_9),
            List.of(Key.STAR, Key.DIGIT_0, Key.POUND));

    /**
     * The common 4x4 membrane pad (1 2 3 A / 4 5 6 B / 7 8 9 C / * 0 # D) with A=OK (send),
     * B=CANCEL, C=REDIAL, D=HOLD: the soft keys a phone without buttons misses most.
     */
    public static final List<List<Key>> PHONE_4X4 = List.of(
            List.of(Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3, Key.OK),
            List.of(Key.DIGIT_4, Key.DIGIT_5, Key.DIGIT_6, Key.CANCEL),
            List.of(Key.DIGIT_7, Key.DIGIT_8, Key.DIGIT_9, Key.REDIAL),
            List.of(Key.STAR, Key.DIGIT_0, Key.POUND, Key.HOLD));

    /** Rows GPIO5/6/13/19 (pins 29/31/33/35), columns GPIO12/16/20 (pins 32/36/38). */
    public static final KeypadWiring DEFAULT_4X3 = new KeypadWiring(
            List.of(5, 6, 13, 19), List.of(12, 16, 20), PHONE_4X3, true,
            Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** As {@link #DEFAULT_4X3} plus the fourth column on GPIO21 (pin 40). */
    public static final KeypadWiring DEFAULT_4X4 = new KeypadWiring(
            List.of(5, 6, 13, 19), List.of(12, 16, 20, 21), PHONE_4X4, true,
            Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofSeconds(30));

    public KeypadWiring {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        List<List<Key>> copy = new ArrayList<>();
        for (List<Key> row : layout) copy.add(List.copyOf(row));
        layout = List.copyOf(copy);
        Objects.requireNonNull(debounce, "debounce");
        Objects.requireNonNull(longPress, "longPress");
        Objects.requireNonNull(stuckAfter, "stuckAfter");
        if (rows.isEmpty() || columns.isEmpty()) throw new IllegalArgumentException("keypad: no rows or columns");
        if (layout.size() != rows.size()) {
            throw new IllegalArgumentException("keypad: layout has " + layout.size() + " rows, wiring has " + rows.size());
        }
        for (int r = 0; r < layout.size(); r++) {
            if (layout.get(r).size() != columns.size()) {
                throw new IllegalArgumentException("keypad: layout row " + r + " has " + layout.get(r).size()
                        + " keys, wiring has " + columns.size() + " columns");
            }
        }
        Set<Integer> pins = new HashSet<>();
        for (int bcm : rows) checkUnique(pins, bcm);
        for (int bcm : columns) checkUnique(pins, bcm);
        if (debounce.isNegative() || longPress.compareTo(debounce) <= 0 || stuckAfter.compareTo(longPress) <= 0) {
            throw new IllegalArgumentException("keypad: need 0 <= debounce < longPress < stuckAfter");
        }
    }

    private static void checkUnique(Set<Integer> pins, int bcm) {
        Bcm.check(bcm, "keypad");
        if (!pins.add(bcm)) throw new IllegalArgumentException("keypad: GPIO" + bcm + " used twice");
    }

    public Key keyAt(int row, int column) {
        return layout.get(row).get(column);
    }
}
