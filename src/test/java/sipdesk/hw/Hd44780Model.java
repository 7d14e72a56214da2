package sipdesk.hw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A test model of a PCF8574 driving an HD44780 in the way the datasheet describes: it takes the
 * bytes written to the PCF8574, latches a nibble on each falling edge of E, starts in 8-bit mode
 * (each nibble a whole instruction), and after function set 0x2_ pairs nibbles into bytes. It keeps
 * DDRAM, CGRAM and a log of what it executed, so tests assert on what the LCD would show.
 */
final class Hd44780Model {
    private final Pcf8574Pins pins;
    private final List<String> log = new ArrayList<>();
    final byte[] ddram = new byte[128];
    final byte[] cgram = new byte[64];

    private int last = 0xFF; // the PCF8574's outputs come up high
    private boolean eightBit = true;
    private boolean poweredUp = true;
    private Integer highNibble;
    private int address;
    private boolean cgramSelected;
    boolean displayOn;
    boolean twoLines;
    boolean increment;
    boolean backlight;
    int dataWrites;

    Hd44780Model(Pcf8574Pins pins) {
        this.pins = pins;
        Arrays.fill(ddram, (byte) ' ');
    }

    void feed(byte[] bytes) {
        for (byte b : bytes) feed(b & 0xFF);
    }

    void feed(int b) {
        backlight = bit(b, pins.backlight());
        if (bit(last, pins.enable()) && !bit(b, pins.enable())) latch(last);
        last = b;
    }

    void note(String s) {
        log.add(s);
    }

    List<String> log() {
        return List.copyOf(log);
    }

    void clearLog() {
        log.clear();
        dataWrites = 0;
    }

    private static boolean bit(int b, int n) {
        return (b >> n & 1) != 0;
    }

    private void latch(int b) {
        if (bit(b, pins.rw())) {
            // Only the PCF8574's power-up state (all outputs high) may latch a read: harmless, as
            // its quasi-bidirectional outputs are weak pull-ups the LCD can drive against.
            if (!poweredUp) throw new AssertionError("RW high: the driver must never read the LCD");
            poweredUp = false;
            log.add("power-up read");
            return;
        }
        poweredUp = false;
        int nibble = (bit(b, pins.d4()) ? 1 : 0) | (bit(b, pins.d5()) ? 2 : 0)
                | (bit(b, pins.d6()) ? 4 : 0) | (bit(b, pins.d7()) ? 8 : 0);
        boolean rs = bit(b, pins.rs());
        if (eightBit) {
            // D0-D3 are not wired: in 8-bit mode the low half reads as 0.
            log.add(String.format("nibble8 %X", nibble));
            execute(rs, nibble << 4);
            return;
        }
        if (highNibble == null) {
            highNibble = nibble;
            return;
        }
        int value = highNibble << 4 | nibble;
        highNibble = null;
        log.add(String.format(rs ? "data %02X" : "cmd %02X", value));
        execute(rs, value);
    }

    private void execute(boolean rs, int v) {
        if (rs) {
            dataWrites++;
            if (cgramSelected) cgram[address & 0x3F] = (byte) v;
            else ddram[address & 0x7F] = (byte) v;
            address++; // entry mode: the driver sets increment; tests check it
            return;
        }
        if ((v & 0x80) != 0) {
            cgramSelected = false;
            address = v & 0x7F;
        } else if ((v & 0x40) != 0) {
            cgramSelected = true;
            address = v & 0x3F;
        } else if ((v & 0x20) != 0) {
            eightBit = (v & 0x10) != 0;
            twoLines = (v & 0x08) != 0;
        } else if ((v & 0x08) != 0) {
            displayOn = (v & 0x04) != 0;
        } else if ((v & 0x04) != 0) {
            increment = (v & 0x02) != 0;
        } else if (v == 0x01) {
            Arrays.fill(ddram, (byte) ' ');
            address = 0;
            cgramSelected = false;
        }
    }

    /** The text the LCD shows, row by row, as the raw codes mapped back to chars (CGRAM = \u0000-7). */
    List<String> rows(LcdSize size) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < size.rows(); r++) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < size.columns(); c++) b.append((char) (ddram[size.rowOffset(r) + c] & 0xFF));
            rows.add(b.toString());
        }
        return rows;
    }

    byte[] cgramCharacter(int slot) {
        return Arrays.copyOfRange(cgram, slot * 8, slot * 8 + 8);
    }
}
