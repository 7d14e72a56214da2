package sipdesk.hw;

import java.text.Normalizer;
import java.util.List;
import sipdesk.core.Glyph;

/**
 * Maps text to the HD44780's character ROM (code page A00, the Japanese one nearly every module
 * ships with) and the screen's {@link Glyph}s to custom characters in CGRAM.
 *
 * <p>A00 has ASCII 0x20-0x7D except 0x5C (a yen sign) and lacks '~' (0x7E/0x7F are arrows); its
 * upper half is katakana plus a few Greek and accented letters. What it lacks falls back to the
 * base letter (é -> e) and then to '?'.
 */
public final class LcdCharset {
    /** What the ROM draws for a character it cannot show. */
    public static final byte UNKNOWN = (byte) '?';

    /**
     * The glyphs in CGRAM slot order: slot i is DDRAM code i. Eight slots exist; we use seven.
     * Each bitmap is 8 rows of 5 pixels (bit 4 leftmost), drawn for this project.
     */
    public static final List<Character> GLYPHS = List.of(Glyph.HANDSET, Glyph.REGISTERED, Glyph.ENVELOPE,
            Glyph.ARROW_RIGHT, Glyph.ARROW_LEFT, Glyph.DND, Glyph.HOLD);

    private static final byte[][] BITMAPS = {
        // handset: earpiece and mouthpiece
        {0b00000, 0b01110, 0b11111, 0b11011, 0b00000, 0b01110, 0b11111, 0b00000},
        // registered: signal bars
        {0b00001, 0b00001, 0b00101, 0b00101, 0b10101, 0b10101, 0b10101, 0b00000},
        // envelope
        {0b00000, 0b11111, 0b11011, 0b10101, 0b10001, 0b11111, 0b00000, 0b00000},
        // arrow right
        {0b00000, 0b00100, 0b00010, 0b11111, 0b00010, 0b00100, 0b00000, 0b00000},
        // arrow left
        {0b00000, 0b00100, 0b01000, 0b11111, 0b01000, 0b00100, 0b00000, 0b00000},
        // do not disturb: a barred circle
        {0b00000, 0b01110, 0b10001, 0b11111, 0b10001, 0b01110, 0b00000, 0b00000},
        // hold: pause bars
        {0b00000, 0b11011, 0b11011, 0b11011, 0b11011, 0b11011, 0b00000, 0b00000},
    };

    private LcdCharset() {}

    /** The 8 pixel rows of CGRAM slot {@code slot}. */
    public static byte[] bitmap(int slot) {
        return BITMAPS[slot].clone();
    }

    public static int glyphCount() {
        return BITMAPS.length;
    }

    /** The byte the LCD must hold to show {@code c}. */
    public static byte encode(char c) {
        int slot = GLYPHS.indexOf(c);
        if (slot >= 0) return (byte) slot;
        if (c >= 0x20 && c <= 0x7D && c != '\\') return (byte) c;
        byte rom = romExtra(c);
        if (rom != 0) return rom;
        char base = baseLetter(c);
        if (base != c) return encode(base);
        return UNKNOWN;
    }

    /** Characters of A00's upper half (and its two arrows) that a phone's text may contain. */
    private static byte romExtra(char c) {
        return switch (c) {
            case '\u00A5' -> 0x5C; // yen
            case '\u2192' -> 0x7E; // right arrow
            case '\u2190' -> 0x7F; // left arrow
            case '\u00B7', '\u30FB' -> (byte) 0xA5; // middle dot
            case '\u00B0' -> (byte) 0xDF; // degree
            case '\u00E4' -> (byte) 0xE1; // a umlaut
            case '\u00DF', '\u03B2' -> (byte) 0xE2; // sharp s drawn as beta
            case '\u00B5', '\u03BC' -> (byte) 0xE4; // micro
            case '\u00F1' -> (byte) 0xEE; // n tilde
            case '\u00F6' -> (byte) 0xEF; // o umlaut
            case '\u03A9' -> (byte) 0xF4; // omega
            case '\u00FC' -> (byte) 0xF5; // u umlaut
            case '\u00F7' -> (byte) 0xFD; // division
            case '\u2588' -> (byte) 0xFF; // full block
            default -> 0;
        };
    }

    /** é -> e, Ä -> A, Ç -> C: what is left after removing combining marks (NFD). */
    private static char baseLetter(char c) {
        if (c < 0x80) return c;
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char first = decomposed.charAt(0);
        return first < 0x80 ? first : c;
    }
}
