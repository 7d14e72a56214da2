package sipdesk.daemon;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * java.util.logging with one line per record. Under systemd (JOURNAL_STREAM set) each line starts
 * with a {@code <N>} syslog level prefix that journald reads, and no timestamp (journald adds its own).
 */
public final class LogSetup {
    private LogSetup() {}

    /** The in-memory tail of the log that {@code sipdesk log} shows. */
    public static final RecentLog RECENT = new RecentLog(500, new OneLine(false));

    public static void configure(Level level, PrintStream stream) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        boolean journal = System.getenv("JOURNAL_STREAM") != null;
        Handler h = new StreamHandler(stream, new OneLine(journal)) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        h.setLevel(level);
        root.addHandler(h);
        RECENT.setLevel(Level.INFO);
        root.addHandler(RECENT);
        root.setLevel(level);
        // JAIN-SIP and Pi4J are chatty below INFO; the phone's own packages follow the chosen level.
        Logger.getLogger("gov.nist").setLevel(Level.WARNING);
        Logger.getLogger("com.pi4j").setLevel(Level.WARNING);
    }

    static final class OneLine extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
        private final boolean journal;

        OneLine(boolean journal) {
            this.journal = journal;
        }

        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder(128);
            if (journal) b.append('<').append(syslogLevel(r.getLevel())).append('>');
            else b.append(TIME.format(r.getInstant())).append(' ');
            b.append(r.getLevel().getName()).append(' ');
            String name = r.getLoggerName() == null ? "" : r.getLoggerName();
            b.append(name.substring(name.lastIndexOf('.') + 1)).append(": ");
            b.append(formatMessage(r).replace('\n', ' '));
            if (r.getThrown() != null) b.append(" | ").append(r.getThrown());
            return b.append(System.lineSeparator()).toString();
        }

        private static int syslogLevel(Level l) {
            if (l.intValue() >= Level.SEVERE.intValue()) return 3;
            if (l.intValue() >= Level.WARNING.intValue()) return 4;
            if (l.intValue() >= Level.INFO.intValue()) return 6;
            return 7;
        }
    }

}
