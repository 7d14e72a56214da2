package sipdesk.config;

import java.util.Objects;

/**
 * One line of the key table: a key's name, how its value is read, its default (written as it
 * would be in the file, so KEYS.md and the sample show it verbatim) and what it does.
 *
 * @param example the value the sample sipdesk.cfg shows, usually the default
 */
public record Setting<T>(String name, ValueType<T> type, String defaultText, String example,
                         Origin origin, String group, String help) {

    /** Whether an admin will find the key in Yealink's guides or only in ours. */
    public enum Origin { YEALINK, SIPDESK }

    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultText, "defaultText");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(help, "help");
        if (type.parse(defaultText).isEmpty()) throw new IllegalArgumentException(name + ": bad default '" + defaultText + "'");
        if (type.parse(example).isEmpty()) throw new IllegalArgumentException(name + ": bad example '" + example + "'");
    }

    public T defaultValue() {
        return type.parse(defaultText).orElseThrow();
    }

    @Override
    public String toString() {
        return name;
    }

    /** The same key with another value in the sample file. */
    Setting<T> withExample(String exampleText) {
        return new Setting<>(name, type, defaultText, exampleText, origin, group, help);
    }
}
