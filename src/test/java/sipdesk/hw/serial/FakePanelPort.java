package sipdesk.hw.serial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The far end of the serial line, played by the test: a microcontroller that can be plugged in,
 * unplugged and refused. Its {@link #connector()} hands the panel a new stream link per plug.
 */
final class FakePanelPort {
    private BytePipe toPanel;
    private BytePipe fromPanel;
    private boolean plugged = true;
    private SerialLinkException.Reason refusal = SerialLinkException.Reason.NOT_FOUND;
    private final List<String> received = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    int opens;

    SerialConnector connector() {
        return () -> {
            if (!plugged) throw new SerialLinkException(refusal, "/dev/ttyFAKE: " + refusal, null);
            opens++;
            toPanel = new BytePipe();
            fromPanel = new BytePipe();
            partial.setLength(0);
            return new StreamSerialLink(toPanel.in, fromPanel.out, "/dev/ttyFAKE");
        };
    }

    /** The microcontroller sends these lines. */
    void send(String... lines) {
        try {
            for (String line : lines) toPanel.out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every line the phone sent since the last call. */
    List<String> take() {
        try {
            byte[] bytes = new byte[fromPanel.in.available()];
            fromPanel.in.read(bytes);
            for (byte b : bytes) {
                if (b == '\n') {
                    received.add(partial.toString());
                    partial.setLength(0);
                } else {
                    partial.append((char) (b & 0xFF));
                }
            }
        } catch (IOException e) {
            // unplugged: nothing more arrives
        }
        List<String> copy = List.copyOf(received);
        received.clear();
        return copy;
    }

    void unplug() {
        plugged = false;
        if (toPanel != null) toPanel.unplug();
        if (fromPanel != null) fromPanel.unplug();
    }

    void refuseWith(SerialLinkException.Reason reason) {
        plugged = false;
        refusal = reason;
    }

    void plugIn() {
        plugged = true;
    }
}
