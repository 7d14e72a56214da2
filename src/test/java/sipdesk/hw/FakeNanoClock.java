package sipdesk.hw;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Monotonic nanoseconds that only move when the test says so. Starts away from 0 on purpose. */
final class FakeNanoClock implements LongSupplier {
    private long now = 1_000_000_000_000L;

    @Override
    public long getAsLong() {
        return now;
    }

    long now() {
        return now;
    }

    long advance(Duration d) {
        now += d.toNanos();
        return now;
    }
}
