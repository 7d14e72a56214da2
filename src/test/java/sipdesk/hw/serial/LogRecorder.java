package sipdesk.hw.serial;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Keeps the log records of one logger at INFO and above; {@link #close} detaches it. */
final class LogRecorder extends Handler implements AutoCloseable {
    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();

    LogRecorder(Class<?> source) {
        this.logger = Logger.getLogger(source.getName());
        setLevel(Level.INFO);
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.INFO.intValue()) records.add(record);
    }

    synchronized List<String> at(Level level) {
        return records.stream().filter(r -> r.getLevel() == level).map(LogRecord::getMessage).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
