package sipdesk;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/** Small stream adapters for the composition root. */
final class OutputStreams {
    private OutputStreams() {}

    /** An output stream whose lines go to the log at FINE (headless LCD frames). */
    static OutputStream toLog() {
        Logger log = Logger.getLogger("sipdesk.lcd");
        return new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    log.fine(text);
                } else {
                    line.write(b);
                }
            }
        };
    }
}
