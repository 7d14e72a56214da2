package sipdesk.core;

/**
 * Characters the screens use for icons. They sit in Unicode's private use area so they can never
 * clash with text; each front panel maps them to a custom LCD character or an ASCII fallback.
 */
public final class Glyph {
    public static final char HANDSET = '\uE000';
    public static final char REGISTERED = '\uE001';
    public static final char ENVELOPE = '\uE002';
    public static final char ARROW_RIGHT = '\uE003';
    public static final char ARROW_LEFT = '\uE004';
    public static final char DND = '\uE005';
    public static final char HOLD = '\uE006';

    private Glyph() {}

    /** The ASCII fallback of a glyph, or the character itself when it is not a glyph. */
    public static char ascii(char c) {
        return switch (c) {
            case HANDSET -> 'T';
            case REGISTERED -> '*';
            case ENVELOPE -> 'M';
            case ARROW_RIGHT -> '>';
            case ARROW_LEFT -> '<';
            case DND -> 'X';
            case HOLD -> 'H';
            default -> c;
        };
    }

    public static String ascii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) b.append(ascii(s.charAt(i)));
        return b.toString();
    }
}
