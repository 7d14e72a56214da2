package sipdesk.hw;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import sipdesk.core.Key;
import sipdesk.core.PhoneEvent;
import sipdesk.core.port.EventSink;

/**
 * What a long press of a dial key does ({@code sipdesk.keypad.long_press.*}), applied on the way
 * to the core: a long press with an action becomes the press of that key ({@code KeyLongPress(#)}
 * -> {@code KeyPress(DND)}); one whose action is {@code none} is dropped here; keys without an
 * entry (function keys) pass unchanged.
 */
public record LongPressActions(Map<Key, Optional<Key>> actions) {
    private static final Logger LOG = Logger.getLogger(LongPressActions.class.getName());

    /** Nothing translated: every long press reaches the core as it is. */
    public static final LongPressActions NONE = new LongPressActions(Map.of());

    public LongPressActions {
        actions = Map.copyOf(actions);
    }

    /** The same as the config's defaults: a long # is DND, others nothing. */
    public static LongPressActions yealinkDefault() {
        Map<Key, Optional<Key>> m = new EnumMap<>(Key.class);
        for (Key k : Key.values()) if (k.isDialKey()) m.put(k, Optional.empty());
        m.put(Key.POUND, Optional.of(Key.DND));
        return new LongPressActions(m);
    }

    /** A sink that applies the actions, then posts to {@code next}. */
    public EventSink applyTo(EventSink next) {
        Objects.requireNonNull(next, "next");
        if (actions.isEmpty()) return next;
        return event -> {
            if (event instanceof PhoneEvent.KeyLongPress lp && actions.containsKey(lp.key())) {
                Optional<Key> action = actions.get(lp.key());
                if (action.isPresent()) {
                    next.post(new PhoneEvent.KeyPress(action.get()));
                } else {
                    LOG.fine(() -> "long press of " + lp.key() + ": no action configured");
                }
                return;
            }
            next.post(event);
        };
    }
}
