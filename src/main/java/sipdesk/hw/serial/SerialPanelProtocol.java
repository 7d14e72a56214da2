package sipdesk.hw.serial;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import sipdesk.core.Key;
import sipdesk.core.Screen;

/**
 * The line protocol between the phone and the panel's microcontroller (hardware/SERIAL.md). Pure:
 * text in, values out, and the reverse. Parsing never throws: a line it cannot use is a
 * {@link Inbound.Malformed} saying why, which the panel logs and skips.
 */
public final class SerialPanelProtocol {
    /** Longer inbound lines are refused (a microcontroller has small buffers; so do we). */
    public static final int MAX_LINE = 80;

    private static final Map<String, Key> KEYS_BY_NAME = keysByName();

    private SerialPanelProtocol() {}

    /** A line from the microcontroller. */
    public sealed interface Inbound {
        record Pressed(Key key) implements Inbound {}

        record LongPressed(Key key) implements Inbound {}

        /** {@code H 1}: the handset is lifted; {@code H 0}: it is down. */
        record Hook(boolean offHook) implements Inbound {}

        /** {@code F}: the microcontroller timed a short on-hook itself. */
        record Flash() implements Inbound {}

        /** {@code HELLO <firmware>}: sent after every reset; its LCD is blank again. */
        record Hello(String firmware) implements Inbound {}

        record Ping() implements Inbound {}

        record Pong() implements Inbound {}

        /** A blank line or one starting with {@code #}: firmware debug output, ignored. */
        record Comment(String text) implements Inbound {}

        record Malformed(String line, String why) implements Inbound {}
    }

    /** Parses one line without its line end (a trailing CR is tolerated). */
    public static Inbound parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (line.length() > MAX_LINE) return new Inbound.Malformed(shorten(line), "longer than " + MAX_LINE + " characters");
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return new Inbound.Malformed(printable(line), "not printable ASCII at column " + (i + 1));
            }
        }
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) return new Inbound.Comment(text);
        String[] words = text.split(" +", 2);
        String verb = words[0].toUpperCase(Locale.ROOT);
        String arg = words.length > 1 ? words[1].strip() : "";
        return switch (verb) {
            case "K" -> key(line, arg, false);
            case "L" -> key(line, arg, true);
            case "H" -> switch (arg) {
                case "0" -> new Inbound.Hook(false);
                case "1" -> new Inbound.Hook(true);
                default -> new Inbound.Malformed(line, "H takes 0 (on hook) or 1 (off hook), got '" + arg + "'");
            };
            case "F" -> arg.isEmpty() ? new Inbound.Flash() : new Inbound.Malformed(line, "F takes no argument");
            case "HELLO" -> new Inbound.Hello(arg);
            case "PING" -> new Inbound.Ping();
            case "PONG" -> new Inbound.Pong();
            default -> new Inbound.Malformed(line, "unknown command '" + words[0] + "'");
        };
    }

    private static Inbound key(String line, String arg, boolean longPress) {
        Key key = KEYS_BY_NAME.get(arg.toUpperCase(Locale.ROOT));
        if (key == null) {
            return new Inbound.Malformed(line, "unknown key '" + arg + "' (0-9, *, #, OK, CANCEL, REDIAL, DND, HOLD,"
                    + " TRANSFER, CONFERENCE, SPEAKER, FORWARD, HISTORY)");
        }
        return longPress ? new Inbound.LongPressed(key) : new Inbound.Pressed(key);
    }

    /** The protocol's name of a key: its symbol for dial keys, the enum name for the others. */
    public static String keyName(Key key) {
        return key.isDialKey() ? String.valueOf(key.symbol()) : key.name();
    }

    // --- phone to microcontroller ----------------------------------------------------------------

    /**
     * {@code D <row> <cells>}: one whole LCD row, as HD44780 character codes (LcdCharset). Codes
     * 0x20-0x7D except 0x5C go as themselves; CGRAM slots 0-7 as {@code \0}-{@code \7}; any other
     * code as {@code \xHH}. A trailing space is sent as {@code \x20}, so no line ends in blanks that
     * a terminal or a careless firmware might strip.
     */
    public static String display(int row, byte[] cells) {
        if (row < 0 || row > 9) throw new IllegalArgumentException("row must be 0..9, got " + row);
        StringBuilder s = new StringBuilder("D ").append(row).append(' ');
        for (int i = 0; i < cells.length; i++) {
            int code = cells[i] & 0xFF;
            boolean last = i == cells.length - 1;
            if (code < 8) s.append('\\').append(code);
            else if (code >= 0x20 && code <= 0x7D && code != 0x5C && !(last && code == ' ')) s.append((char) code);
            else s.append(String.format("\\x%02X", code));
        }
        return s.toString();
    }

    /** Decodes the cells of a {@code D} line (what a firmware does; used by tests and fakes). */
    public static byte[] decodeCells(String escaped) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\') {
                out.write(c);
            } else if (escaped.charAt(i + 1) == 'x') {
                out.write(Integer.parseInt(escaped.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.write(escaped.charAt(i + 1) - '0');
                i += 1;
            }
        }
        return out.toByteArray();
    }

    /** {@code G <slot> <16 hex digits>}: the 8 pixel rows (5 bits each, bit 4 leftmost) of CGRAM slot 0-7. */
    public static String glyph(int slot, byte[] rows) {
        if (slot < 0 || slot > 7 || rows.length != 8) throw new IllegalArgumentException("slot 0..7 and 8 rows");
        StringBuilder s = new StringBuilder("G ").append(slot).append(' ');
        for (byte r : rows) s.append(String.format("%02X", r & 0x1F));
        return s.toString();
    }

    public static String backlight(boolean on) {
        return "B " + (on ? 1 : 0);
    }

    /** {@code LED <lamp> 0|1}, the lamp in lower case: dnd, message_waiting, forward, registered, in_use. */
    public static String led(Screen.Lamp lamp, boolean on) {
        return "LED " + lamp.name().toLowerCase(Locale.ROOT) + " " + (on ? 1 : 0);
    }

    /** {@code R 1}: ring (the firmware plays its cadence); {@code R 0}: stop. */
    public static String ringer(boolean on) {
        return "R " + (on ? 1 : 0);
    }

    public static String ping() {
        return "PING";
    }

    public static String pong() {
        return "PONG";
    }

    /** A line and its end, as bytes on the wire. */
    public static byte[] wire(String line) {
        return (line + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static Map<String, Key> keysByName() {
        Map<String, Key> m = new HashMap<>();
        for (Key k : Key.values()) m.put(keyName(k), k);
        return Map.copyOf(m);
    }

    private static String shorten(String line) {
        return printable(line.substring(0, 40)) + "...";
    }

    private static String printable(String line) {
        StringBuilder s = new StringBuilder();
        for (char c : line.toCharArray()) {
            if (c >= 0x20 && c <= 0x7E) s.append(c);
            else s.append(String.format("\\x%02X", (int) c & 0xFF));
        }
        return s.toString();
    }
}
