package sipdesk.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import sipdesk.core.PhoneEvent;
import sipdesk.core.port.EventSink;

/**
 * Feeds the phone from a terminal: typed keys in interactive mode, or script lines
 * (see {@link #runScript}) for tests and tmux sessions.
 */
public final class Simulator {
    private final EventSink sink;
    private final SimulatedNetwork network;
    private final TerminalPanel panel;
    private final PrintStream err;
    private boolean handsetUp;

    public Simulator(EventSink sink, SimulatedNetwork network, TerminalPanel panel, PrintStream err) {
        this.sink = sink;
        this.network = network;
        this.panel = panel;
        this.err = err;
    }

    /** Reads single keys from a terminal already in raw mode until 'q' or end of input. */
    public void runInteractive(InputStream in) throws IOException {
        int c;
        while ((c = in.read()) >= 0) {
            char ch = (char) c;
            if (ch == 'q' || ch == 'Q' || c == 3 || c == 4) return;
            if (ch == 'i') {
                network.ring("2000", "Sim caller");
            } else if (ch == 'e') {
                network.remoteHangup();
            } else {
                Optional<PhoneEvent> event = PanelKeys.event(ch, handsetUp);
                event.ifPresent(this::post);
            }
        }
    }

    /**
     * Runs a script, one command per line ('#' starts a comment):
     * {@code offhook}, {@code onhook}, {@code flash}, {@code type 1002#}, {@code press OK},
     * {@code incoming 2000 [name]}, {@code remote-hangup}, {@code wait MS},
     * {@code expect TEXT} (waits up to 10 s for the LCD to show TEXT), {@code quit}.
     *
     * @return 0 when every expect was met, 1 otherwise
     */
    public int runScript(InputStream in) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] parts = l.split("\\s+", 2);
            String arg = parts.length > 1 ? parts[1] : "";
            switch (parts[0].toLowerCase()) {
                case "offhook" -> post(new PhoneEvent.HookOff());
                case "onhook" -> post(new PhoneEvent.HookOn());
                case "flash" -> post(new PhoneEvent.HookFlash());
                case "type" -> arg.chars().forEach(c -> PanelKeys.byName(String.valueOf((char) c))
                        .ifPresent(k -> post(new PhoneEvent.KeyPress(k))));
                case "press" -> {
                    var key = PanelKeys.byName(arg);
                    if (key.isEmpty()) return fail(lineNo, "unknown key '" + arg + "'");
                    post(new PhoneEvent.KeyPress(key.get()));
                }
                case "incoming" -> {
                    String[] a = arg.split("\\s+", 2);
                    network.ring(a[0].isEmpty() ? "2000" : a[0], a.length > 1 ? a[1] : "");
                }
                case "remote-hangup" -> network.remoteHangup();
                case "wait" -> pause(Duration.ofMillis(Long.parseLong(arg)));
                case "expect" -> {
                    if (!waitForScreen(arg, Duration.ofSeconds(10))) {
                        return fail(lineNo, "expected the LCD to show '" + arg + "', it shows:\n"
                                + (panel.last() == null ? "(nothing)" : TerminalPanel.box(panel.last())));
                    }
                    panel.note("ok: " + arg);
                }
                case "quit" -> {
                    return 0;
                }
                default -> {
                    return fail(lineNo, "unknown command '" + parts[0] + "'");
                }
            }
        }
        return 0;
    }

    private void post(PhoneEvent event) {
        if (event instanceof PhoneEvent.HookOff) handsetUp = true;
        if (event instanceof PhoneEvent.HookOn) handsetUp = false;
        sink.post(event);
    }

    private int fail(int line, String message) {
        err.println("script line " + line + ": " + message);
        return 1;
    }

    private boolean waitForScreen(String text, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            var s = panel.last();
            if (s != null && sipdesk.core.Glyph.ascii(s.text()).contains(text)) return true;
            pause(Duration.ofMillis(20));
        }
        return false;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
