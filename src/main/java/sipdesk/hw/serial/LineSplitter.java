package sipdesk.hw.serial;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts received bytes into lines at LF. Bytes are kept as Latin-1 characters so the protocol can
 * name a stray byte; a line longer than {@link SerialPanelProtocol#MAX_LINE} is cut short (one more
 * character, so the parser refuses it) and the rest up to its LF is dropped. Not thread-safe.
 */
final class LineSplitter {
    private final StringBuilder current = new StringBuilder();

    List<String> feed(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        for (byte b : bytes) {
            char c = (char) (b & 0xFF);
            if (c == '\n') {
                lines.add(current.toString());
                current.setLength(0);
            } else if (current.length() <= SerialPanelProtocol.MAX_LINE) {
                current.append(c);
            }
        }
        return lines;
    }

    /** After a reconnect the half line of the old connection means nothing. */
    void reset() {
        current.setLength(0);
    }
}
