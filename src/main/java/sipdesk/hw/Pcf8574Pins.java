package sipdesk.hw;

import java.util.HashSet;
import java.util.Set;

/**
 * Which PCF8574 output bit (P0-P7, 0-based) drives which HD44780 line. Most backpacks use {@link
 * #COMMON}; some swap the control bits, hence configurable.
 */
public record Pcf8574Pins(int rs, int rw, int enable, int backlight, int d4, int d5, int d6, int d7) {
    /** P0=RS, P1=RW, P2=E, P3=backlight, P4-P7=D4-D7: the usual PCF8574T/AT backpack. */
    public static final Pcf8574Pins COMMON = new Pcf8574Pins(0, 1, 2, 3, 4, 5, 6, 7);

    public Pcf8574Pins {
        int[] all = {rs, rw, enable, backlight, d4, d5, d6, d7};
        Set<Integer> seen = new HashSet<>();
        for (int bit : all) {
            if (bit < 0 || bit > 7) {
                throw new IllegalArgumentException("PCF8574 bit must be 0..7, got " + bit);
            }
            if (!seen.add(bit)) {
                throw new IllegalArgumentException("PCF8574 bit " + bit + " used twice in " + this);
            }
        }
    }
}
