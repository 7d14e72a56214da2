package sipdesk.hw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import sipdesk.core.Screen;

/**
 * What the LCD shows, as ROM/CGRAM codes, and what must change to show the next screen. Pure: no
 * bus, no Pi4J. A full redraw of a 20x4 over 100 kHz I2C costs about 35 ms, so only changed cells
 * are rewritten.
 */
public final class LcdFrameBuffer {
    /** Cells {@code column .. column+bytes.length-1} of {@code row} must become {@code bytes}. */
    public record Run(int row, int column, byte[] bytes) {
        public Run {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Run r && r.row == row && r.column == column && Arrays.equals(r.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(row, column, Arrays.hashCode(bytes));
        }

        @Override
        public String toString() {
            return "Run[" + row + "," + column + "," + Arrays.toString(bytes) + "]";
        }
    }

    private final LcdSize size;
    /** What the LCD holds, or null when unknown (never written, or a write failed). */
    private byte[] shown;

    public LcdFrameBuffer(LcdSize size) {
        this.size = Objects.requireNonNull(size, "size");
    }

    /** The cells for {@code screen}: lines padded with spaces or cut to the LCD's width. */
    public byte[] layout(Screen screen) {
        byte[] cells = new byte[size.cells()];
        Arrays.fill(cells, (byte) ' ');
        List<String> lines = screen.lines();
        for (int row = 0; row < size.rows() && row < lines.size(); row++) {
            String line = lines.get(row);
            for (int col = 0; col < size.columns() && col < line.length(); col++) {
                cells[row * size.columns() + col] = LcdCharset.encode(line.charAt(col));
            }
        }
        return cells;
    }

    /** The runs of cells that differ between what is shown and {@code target}, row by row. */
    public List<Run> changes(byte[] target) {
        List<Run> runs = new ArrayList<>();
        for (int row = 0; row < size.rows(); row++) {
            int col = 0;
            while (col < size.columns()) {
                if (!differs(target, row, col)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < size.columns() && differs(target, row, col)) col++;
                int from = row * size.columns();
                runs.add(new Run(row, start, Arrays.copyOfRange(target, from + start, from + col)));
            }
        }
        return runs;
    }

    private boolean differs(byte[] target, int row, int col) {
        int i = row * size.columns() + col;
        return shown == null || shown[i] != target[i];
    }

    /** The LCD was cleared (all spaces). */
    public void cleared() {
        shown = new byte[size.cells()];
        Arrays.fill(shown, (byte) ' ');
    }

    /** {@code run} reached the LCD. */
    public void written(Run run) {
        if (shown == null) cleared();
        System.arraycopy(run.bytes, 0, shown, run.row * size.columns() + run.column, run.bytes.length);
    }

    /** After a failed write nobody knows what the LCD holds: the next screen is drawn in full. */
    public void forget() {
        shown = null;
    }

    public LcdSize size() {
        return size;
    }
}
