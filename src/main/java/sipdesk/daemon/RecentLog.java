package sipdesk.daemon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** Keeps the last lines of the log in memory for {@code sipdesk log}. */
public final class RecentLog extends Handler {
    private final int capacity;
    private final ArrayDeque<String> lines;

    public RecentLog(int capacity, Formatter formatter) {
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(capacity);
        setFormatter(formatter);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) return;
        if (lines.size() == capacity) lines.removeFirst();
        lines.addLast(getFormatter().format(record).stripTrailing());
    }

    public synchronized List<String> last(int n) {
        List<String> all = new ArrayList<>(lines);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
