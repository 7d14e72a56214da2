package sipdesk.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the log records of one logger (and those below it) at INFO and above; {@link #close}
 * detaches it. Tests wait on it for something the code under test logs, instead of sleeping.
 */
public final class LogRecorder extends Handler implements AutoCloseable {
    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();

    public LogRecorder(Class<?> source) {
        this(source.getName());
    }

    public LogRecorder(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
        setLevel(Level.INFO);
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.INFO.intValue()) {
            records.add(record);
            notifyAll();
        }
    }

    public synchronized List<String> at(Level level) {
        return records.stream().filter(r -> r.getLevel() == level).map(LogRecord::getMessage).toList();
    }

    /** The messages at {@code level} or above. */
    public synchronized List<String> atLeast(Level level) {
        return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue()).map(LogRecord::getMessage).toList();
    }

    /** How many messages so far match. */
    public synchronized long count(Predicate<String> message) {
        return records.stream().map(LogRecord::getMessage).filter(message).count();
    }

    /** Waits until {@code atLeast} messages match, at most {@code timeout}; returns whether they did. */
    public synchronized boolean await(Predicate<String> message, long atLeast, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(message) < atLeast) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
