package sipdesk.hw;

/**
 * One key's debounce, long press and stuck detection, driven by polled readings. Pure: the caller
 * reads the hardware and passes the time. Not thread-safe (one poll thread owns it).
 */
final class KeyDebouncer {
    enum Change { NONE, PRESSED, LONG_PRESSED, RELEASED, STUCK, UNSTUCK }

    private final long debounceNanos;
    private final long longPressNanos;
    private final long stuckNanos;

    private boolean raw;
    private long rawSinceNanos;
    private boolean down;
    private boolean longSent;
    private boolean stuck;

    KeyDebouncer(long debounceNanos, long longPressNanos, long stuckNanos) {
        this.debounceNanos = debounceNanos;
        this.longPressNanos = longPressNanos;
        this.stuckNanos = stuckNanos;
    }

    /** A reading taken at {@code nowNanos}; says what changed, if anything. */
    Change update(boolean rawDown, long nowNanos) {
        if (rawDown != raw) {
            raw = rawDown;
            rawSinceNanos = nowNanos;
        }
        long stable = nowNanos - rawSinceNanos;
        if (raw != down && stable >= debounceNanos) {
            down = raw;
            if (down) {
                longSent = false;
                return Change.PRESSED;
            }
            boolean wasStuck = stuck;
            stuck = false;
            return wasStuck ? Change.UNSTUCK : Change.RELEASED;
        }
        if (down && raw && !stuck) {
            // Times run from the first reading of the press, so they do not depend on the debounce.
            if (!longSent && stable >= longPressNanos) {
                longSent = true;
                return Change.LONG_PRESSED;
            }
            if (stable >= stuckNanos) {
                stuck = true;
                return Change.STUCK;
            }
        }
        return Change.NONE;
    }

    boolean isDown() {
        return down;
    }

    boolean isStuck() {
        return stuck;
    }
}
