package sipdesk.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sipdesk.core.Key;

/** The value types of the front panel keys (sipdesk.keypad.*, sipdesk.hook.*, ...), apart from the key table. */
final class PanelValues {
    private PanelValues() {
    }

    /** A device node such as /dev/ttyACM0 or /dev/serial/by-id/...: absolute, no spaces. */
    static ValueType<String> devicePath() {
        return ValueType.of("an absolute device path", t -> t.startsWith("/") && t.chars().noneMatch(Character::isWhitespace)
                ? Optional.of(t) : Optional.empty());
    }

    static ValueType<KeypadType> keypadType() {
        Map<String, KeypadType> m = new LinkedHashMap<>();
        m.put("4x3", KeypadType.PHONE_4X3);
        m.put("4x4", KeypadType.PHONE_4X4);
        m.put("none", KeypadType.NONE);
        return ValueType.words(m);
    }

    /** true = high. */
    static ValueType<Boolean> level() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        m.put("low", false);
        m.put("high", true);
        return ValueType.words(m);
    }

    /** true = pull-up. */
    static ValueType<Boolean> pull() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        m.put("up", true);
        m.put("down", false);
        return ValueType.words(m);
    }

    /** true = normally open. */
    static ValueType<Boolean> polarity() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        m.put("normally_open", true);
        m.put("normally_closed", false);
        return ValueType.words(m);
    }

    /** A function key by its lower-case name, or none. */
    static ValueType<Optional<Key>> keyAction() {
        Map<String, Optional<Key>> m = new LinkedHashMap<>();
        m.put("none", Optional.empty());
        for (Key k : Key.values()) {
            if (!k.isDialKey()) m.put(k.name().toLowerCase(java.util.Locale.ROOT), Optional.of(k));
        }
        return ValueType.words(m);
    }
}
