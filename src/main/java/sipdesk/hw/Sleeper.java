package sipdesk.hw;

/**
 * Waits the HD44780 needs between instructions. Injected so tests run instantly and can check that
 * each datasheet wait happened in the right place.
 */
@FunctionalInterface
public interface Sleeper {
    void sleepNanos(long nanos);

    /** Really waits; used on the Pi. The waits are a few milliseconds, at LCD init only. */
    Sleeper SYSTEM = nanos -> {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };
}
