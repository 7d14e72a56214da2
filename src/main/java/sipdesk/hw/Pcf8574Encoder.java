package sipdesk.hw;

import java.util.Arrays;
import java.util.Objects;

/**
 * Turns HD44780 instructions and data into the bytes a PCF8574 must output, in 4-bit mode: each
 * byte is sent high nibble first, each nibble as two PCF8574 writes, E high then E low (the LCD
 * latches on E's falling edge). RW stays low: we never read the LCD (its busy flag), we wait.
 *
 * <p>At 100 kHz one I2C byte takes about 90 us, longer than any instruction but Clear and Home
 * (37 us max, datasheet table 6), so only those need an explicit wait.
 */
public final class Pcf8574Encoder {
    // HD44780 instructions (datasheet table 6).
    public static final int CLEAR = 0x01;
    public static final int ENTRY_MODE_INCREMENT = 0x06;
    public static final int DISPLAY_OFF = 0x08;
    public static final int DISPLAY_ON = 0x0C;
    public static final int FUNCTION_4BIT_2LINE_5X8 = 0x28;
    public static final int SET_CGRAM = 0x40;
    public static final int SET_DDRAM = 0x80;

    private final Pcf8574Pins pins;

    public Pcf8574Encoder(Pcf8574Pins pins) {
        this.pins = Objects.requireNonNull(pins, "pins");
    }

    /** Bytes being assembled for one I2C write. */
    public static final class Frame {
        private byte[] bytes = new byte[32];
        private int length;

        void add(int b) {
            if (length == bytes.length) bytes = Arrays.copyOf(bytes, length * 2);
            bytes[length++] = (byte) b;
        }

        public byte[] toBytes() {
            return Arrays.copyOf(bytes, length);
        }

        public boolean isEmpty() {
            return length == 0;
        }
    }

    /** The PCF8574 output with E low and no data: only the backlight bit (if on). */
    public int idle(boolean backlight) {
        return backlight ? 1 << pins.backlight() : 0;
    }

    /** One nibble (low 4 bits of {@code nibble}), as E-high then E-low. */
    public void nibble(Frame frame, int nibble, boolean registerSelect, boolean backlight) {
        int b = idle(backlight);
        if (registerSelect) b |= 1 << pins.rs();
        if ((nibble & 1) != 0) b |= 1 << pins.d4();
        if ((nibble & 2) != 0) b |= 1 << pins.d5();
        if ((nibble & 4) != 0) b |= 1 << pins.d6();
        if ((nibble & 8) != 0) b |= 1 << pins.d7();
        frame.add(b | 1 << pins.enable());
        frame.add(b);
    }

    public void command(Frame frame, int instruction, boolean backlight) {
        nibble(frame, instruction >> 4, false, backlight);
        nibble(frame, instruction, false, backlight);
    }

    public void data(Frame frame, int value, boolean backlight) {
        nibble(frame, value >> 4, true, backlight);
        nibble(frame, value, true, backlight);
    }

    /** Set the DDRAM address to {@code address} and write {@code bytes} from there. */
    public byte[] writeAt(int address, byte[] bytes, boolean backlight) {
        Frame frame = new Frame();
        command(frame, SET_DDRAM | address, backlight);
        for (byte b : bytes) data(frame, b & 0xFF, backlight);
        return frame.toBytes();
    }

    /** Define CGRAM character {@code slot} (0-7) from its 8 pixel rows. */
    public void defineCharacter(Frame frame, int slot, byte[] rows, boolean backlight) {
        command(frame, SET_CGRAM | slot << 3, backlight);
        for (byte row : rows) data(frame, row & 0x1F, backlight);
    }
}
