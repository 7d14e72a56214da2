package sipdesk.hw;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeEvent;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Presses keys of a matrix keypad on the mock, where outputs do not reach inputs: it watches which
 * row the scan drives and sets the columns that row reaches through the pressed switches. Current
 * flows through any chain of closed switches (no diodes), so three keys at the corners of a
 * rectangle also make the fourth read pressed: ghosting, as on a real pad.
 */
final class KeypadFinger {
    private final List<MockDigitalOutput> rows = new ArrayList<>();
    private final List<MockDigitalInput> columns = new ArrayList<>();
    private final Set<List<Integer>> pressed = new HashSet<>();
    private final DigitalState active;
    private final DigitalState idle;

    KeypadFinger(Context pi4j, KeypadWiring wiring) {
        this.active = wiring.rowsActiveLow() ? DigitalState.LOW : DigitalState.HIGH;
        this.idle = wiring.rowsActiveLow() ? DigitalState.HIGH : DigitalState.LOW;
        for (int r = 0; r < wiring.rows().size(); r++) {
            MockDigitalOutput row = pi4j.io("keypad-row-" + r);
            int rowIndex = r;
            row.addListener(e -> rowChanged(rowIndex, e));
            rows.add(row);
        }
        for (int c = 0; c < wiring.columns().size(); c++) {
            MockDigitalInput column = pi4j.io("keypad-column-" + c);
            column.mockState(idle);
            columns.add(column);
        }
    }

    void press(int row, int column) {
        pressed.add(List.of(row, column));
    }

    void release(int row, int column) {
        pressed.remove(List.of(row, column));
    }

    void releaseAll() {
        pressed.clear();
    }

    /** How many rows the scan has driven at once, at worst (must stay 1). */
    int maxRowsDriven;

    private void rowChanged(int row, DigitalStateChangeEvent<?> e) {
        int driven = 0;
        for (MockDigitalOutput r : rows) if (r.state() == active) driven++;
        maxRowsDriven = Math.max(maxRowsDriven, driven);
        Set<Integer> reached = e.state() == active ? columnsReachedFrom(row) : Set.of();
        for (int c = 0; c < columns.size(); c++) columns.get(c).mockState(reached.contains(c) ? active : idle);
    }

    /** Columns connected to {@code row} through closed switches, row to column to row... */
    private Set<Integer> columnsReachedFrom(int row) {
        Set<Integer> seenRows = new HashSet<>(List.of(row));
        Set<Integer> seenColumns = new HashSet<>();
        Deque<Integer> todo = new ArrayDeque<>(List.of(row));
        while (!todo.isEmpty()) {
            int r = todo.pop();
            for (List<Integer> key : pressed) {
                if (key.get(0) != r || !seenColumns.add(key.get(1))) continue;
                for (List<Integer> other : pressed) {
                    if (other.get(1).equals(key.get(1)) && seenRows.add(other.get(0))) todo.push(other.get(0));
                }
            }
        }
        return seenColumns;
    }
}
