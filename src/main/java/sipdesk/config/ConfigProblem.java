package sipdesk.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration file, located as {@code file:line: key: detail} like a
 * compiler message. {@code line} is 1-based as editors show it, 0 when the problem belongs to the
 * whole file; {@code key} is "" when no key is involved.
 */
public record ConfigProblem(String file, int line, String key, String detail, Kind kind) {

    public enum Kind {
        /** Not a text file (NUL bytes, invalid UTF-8) or not readable at all. */
        NOT_TEXT,
        /** The file would leave the phone unusable (an enabled account without server or user). */
        UNUSABLE,
        /** A key this version does not know; Yealink files carry hundreds of them. */
        UNKNOWN_KEY,
        /** A line without '='. */
        NOT_A_SETTING,
        /** Keys sipdesk recognises and does not use: other accounts than 1, codecs it does not speak. */
        NOT_USED,
        /** A known key with a value it cannot take; the key keeps its previous value. */
        BAD_VALUE,
        /** Known keys whose values do not fit together (a forward enabled without a target). */
        INCONSISTENT;

        /** What {@code --strict} turns into errors: warnings about keys we know. */
        boolean aboutKnownKey() {
            return this == BAD_VALUE || this == INCONSISTENT;
        }
    }

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(kind, "kind");
        if (line < 0) throw new IllegalArgumentException("line < 0");
    }

    /** {@code sipdesk.cfg:12: account.1.sip_server.1.port: expected 0..65535, got '50x0'} */
    public String message() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) s.append(':').append(line);
        s.append(": ");
        if (!key.isEmpty()) s.append(key).append(": ");
        return s.append(detail).toString();
    }

    @Override
    public String toString() {
        return message();
    }
}
