package sipdesk.core;

import java.util.Objects;

/** What the user can change from the keypad; saved across restarts. */
public record UserSettings(boolean dnd, Forward always, Forward busy, Forward noAnswer) {
    public static final UserSettings DEFAULT = new UserSettings(false, Forward.OFF, Forward.OFF, Forward.OFF);

    public UserSettings {
        Objects.requireNonNull(always, "always");
        Objects.requireNonNull(busy, "busy");
        Objects.requireNonNull(noAnswer, "noAnswer");
    }

    public UserSettings withDnd(boolean on) {
        return new UserSettings(on, always, busy, noAnswer);
    }

    public UserSettings withAlways(Forward f) {
        return new UserSettings(dnd, f, busy, noAnswer);
    }

    public UserSettings withBusy(Forward f) {
        return new UserSettings(dnd, always, f, noAnswer);
    }

    public UserSettings withNoAnswer(Forward f) {
        return new UserSettings(dnd, always, busy, f);
    }
}
