package sipdesk.store;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import sipdesk.core.Forward;
import sipdesk.core.HistoryEntry;
import sipdesk.core.Party;
import sipdesk.core.SavedState;
import sipdesk.core.UserSettings;

/**
 * The state file, version 1: UTF-8 lines of tab-separated fields, readable with {@code cat}.
 * <pre>
 * sipdesk-state	1
 * dnd	0
 * forward.always	1	2000
 * forward.busy	0
 * forward.no_answer	0	sip:vm@pbx
 * last_dialled	1234
 * missed_calls	2
 * history	2026-11-25T13:00:00Z	MISSED	PT0S	sip:1001@pbx	Alice       (newest first)
 * end	1                                                          (the number of history lines)
 * </pre>
 * Fields escape backslash, tab, newline and carriage return as {@code \\ \t \n \r}.
 */
final class StateFormat {
    static final int VERSION = 1;
    private static final String MAGIC = "sipdesk-state";

    /** What a state file holds: the state, or why it cannot be used. */
    sealed interface Decoded {
        record Ok(SavedState state) implements Decoded {
        }

        record Damaged(String reason) implements Decoded {
        }
    }

    private StateFormat() {
    }

    static byte[] encode(SavedState s) {
        StringBuilder b = new StringBuilder();
        line(b, MAGIC, String.valueOf(VERSION));
        line(b, "dnd", flag(s.settings().dnd()));
        forward(b, "forward.always", s.settings().always());
        forward(b, "forward.busy", s.settings().busy());
        forward(b, "forward.no_answer", s.settings().noAnswer());
        line(b, "last_dialled", s.lastDialled());
        line(b, "missed_calls", String.valueOf(s.missedCalls()));
        for (HistoryEntry h : s.history()) {
            line(b, "history", h.when().toString(), h.direction().name(), h.talked().toString(), h.peer().uri(),
                    h.peer().displayName());
        }
        line(b, "end", String.valueOf(s.history().size()));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Decoded decode(byte[] bytes) {
        try {
            return new Decoded.Ok(new Reader(text(bytes)).read());
        } catch (DamagedException e) {
            return new Decoded.Damaged(e.getMessage());
        }
    }

    private static String text(byte[] bytes) throws DamagedException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DamagedException("not UTF-8 text");
        }
    }

    /** Reads the lines in order; any surprise means the file is damaged. */
    private static final class Reader {
        private final String[] lines;
        private int next;

        Reader(String text) {
            this.lines = text.split("\n", -1);
        }

        SavedState read() throws DamagedException {
            String[] head = fields(MAGIC, 1);
            if (!head[0].equals(String.valueOf(VERSION))) throw damaged("version " + head[0] + " is not " + VERSION);
            boolean dnd = flag(fields("dnd", 1)[0]);
            UserSettings settings = new UserSettings(dnd, forward("forward.always"), forward("forward.busy"),
                    forward("forward.no_answer"));
            String lastDialled = fields("last_dialled", 1)[0];
            int missed = number(fields("missed_calls", 1)[0]);
            List<HistoryEntry> history = new ArrayList<>();
            while (next < lines.length && lines[next].startsWith("history\t")) history.add(entry(fields("history", 5)));
            int count = number(fields("end", 1)[0]);
            if (count != history.size()) throw damaged("end says " + count + " history lines, found " + history.size());
            if (!(next == lines.length - 1 && lines[next].isEmpty())) throw damaged("text after the end line");
            try {
                return new SavedState(settings, history, lastDialled, missed);
            } catch (IllegalArgumentException e) {
                throw damaged(e.getMessage());
            }
        }

        private Forward forward(String name) throws DamagedException {
            String[] f = fields(name, 2);
            boolean on = flag(f[0]);
            if (on && f[1].isBlank()) throw damaged(name + " is on without a target");
            return new Forward(on, f[1]);
        }

        private HistoryEntry entry(String[] f) throws DamagedException {
            try {
                return new HistoryEntry(Instant.parse(f[0]), HistoryEntry.Direction.valueOf(f[1]), new Party(f[3], f[4]),
                        Duration.parse(f[2]));
            } catch (RuntimeException e) {
                throw damaged("history: " + e.getMessage());
            }
        }

        /** The next line, which must be {@code name} and {@code count} fields, unescaped. */
        private String[] fields(String name, int count) throws DamagedException {
            if (next >= lines.length) throw damaged("ends before '" + name + "'");
            String[] parts = lines[next].split("\t", -1);
            if (!parts[0].equals(name)) throw damaged("expected '" + name + "'");
            if (parts.length != count + 1) throw damaged("'" + name + "' needs " + count + " fields, has " + (parts.length - 1));
            String[] out = new String[count];
            for (int i = 0; i < count; i++) out[i] = unescape(parts[i + 1]);
            next++;
            return out;
        }

        private boolean flag(String s) throws DamagedException {
            return switch (s) {
                case "0" -> false;
                case "1" -> true;
                default -> throw damaged("expected 0 or 1, got '" + s + "'");
            };
        }

        private int number(String s) throws DamagedException {
            try {
                int n = Integer.parseInt(s);
                if (n < 0) throw damaged("negative number " + n);
                return n;
            } catch (NumberFormatException e) {
                throw damaged("expected a number, got '" + s + "'");
            }
        }

        private String unescape(String s) throws DamagedException {
            if (s.indexOf('\\') < 0 && s.indexOf('\r') < 0) return s;
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\r') throw damaged("raw carriage return");
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (++i == s.length()) throw damaged("lone backslash");
                b.append(switch (s.charAt(i)) {
                    case '\\' -> '\\';
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> throw damaged("unknown escape \\" + s.charAt(i));
                });
            }
            return b.toString();
        }

        private DamagedException damaged(String why) {
            return new DamagedException("line " + (next + 1) + ": " + why);
        }
    }

    private static final class DamagedException extends Exception {
        DamagedException(String message) {
            super(message, null, false, false);
        }
    }

    private static void forward(StringBuilder b, String name, Forward f) {
        line(b, name, flag(f.enabled()), f.target());
    }

    private static String flag(boolean on) {
        return on ? "1" : "0";
    }

    private static void line(StringBuilder b, String name, String... fields) {
        b.append(name);
        for (String f : fields) b.append('\t').append(escape(f));
        b.append('\n');
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
