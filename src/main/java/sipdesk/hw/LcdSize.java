package sipdesk.hw;

/** The character LCDs we support and where each row starts in the HD44780's DDRAM. */
public enum LcdSize {
    LCD_16X2(16, 2, new int[] {0x00, 0x40}),
    /** A 20x4 is a 40x2 folded: row 2 continues row 0 (0x14) and row 3 continues row 1 (0x54). */
    LCD_20X4(20, 4, new int[] {0x00, 0x40, 0x14, 0x54});

    private final int columns;
    private final int rows;
    private final int[] rowOffsets;

    LcdSize(int columns, int rows, int[] rowOffsets) {
        this.columns = columns;
        this.rows = rows;
        this.rowOffsets = rowOffsets;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    /** The DDRAM address of the first cell of {@code row} (0-based). */
    public int rowOffset(int row) {
        return rowOffsets[row];
    }

    public int cells() {
        return columns * rows;
    }
}
