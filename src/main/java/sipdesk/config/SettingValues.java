package sipdesk.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The value of every key in {@link Keys}, defaults included, and the line each came from. A new key
 * can be read here ({@code values.get(Keys.X)}) before it earns a place in the records.
 */
public final class SettingValues {
    private final Map<Setting<?>, Object> values;
    private final Map<Setting<?>, Integer> lines;

    private SettingValues(Map<Setting<?>, Object> values, Map<Setting<?>, Integer> lines) {
        this.values = Map.copyOf(values);
        this.lines = Map.copyOf(lines);
    }

    /** Every key at its default. */
    public static SettingValues defaults() {
        return new Draft().freeze();
    }

    public <T> T get(Setting<T> setting) {
        Object v = values.get(Objects.requireNonNull(setting, "setting"));
        if (v == null) throw new IllegalArgumentException("not in the key table: " + setting.name());
        @SuppressWarnings("unchecked") T t = (T) v;
        return t;
    }

    /** The 1-based line that set the key, 0 when it kept its default. */
    public int line(Setting<?> setting) {
        return lines.getOrDefault(setting, 0);
    }

    /** Equal when every key has an equal value, wherever in the file it was set. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SettingValues other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "SettingValues[" + values.size() + " keys, " + lines.size() + " set by the file]";
    }

    /** The values while a file is being read: starts at the defaults, each usable line overwrites. */
    static final class Draft {
        private final Map<Setting<?>, Object> values = new HashMap<>();
        private final Map<Setting<?>, Integer> lines = new HashMap<>();

        Draft() {
            for (Setting<?> s : Keys.all()) values.put(s, s.defaultValue());
        }

        <T> void set(Setting<T> setting, T value, int line) {
            values.put(setting, value);
            lines.put(setting, line);
        }

        /** The line that set the key so far, 0 for its default. */
        int line(Setting<?> setting) {
            return lines.getOrDefault(setting, 0);
        }

        SettingValues freeze() {
            return new SettingValues(values, lines);
        }
    }
}
