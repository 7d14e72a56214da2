package sipdesk.hw.serial;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.daemon.PhoneDaemon;
import sipdesk.daemon.RunOptions;
import sipdesk.hw.FrontPanels;
import sipdesk.hw.PanelPoller;

/**
 * The whole daemon on a serial front panel: the microcontroller's key, hook and screen lines drive
 * the same core as the simulator and the Pi panel (here with the simulated network).
 */
class SerialPanelPhoneTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private final FakePanelPort port = new FakePanelPort();
    private final List<String> seen = new ArrayList<>();
    private PhoneDaemon daemon;

    @BeforeEach
    void start() throws Exception {
        var options = new RunOptions(dir.resolve("none.cfg"), "sim", Optional.of("-"), Optional.of(dir.resolve("state")),
                Optional.of(dir.resolve("control.sock")), "sim");
        daemon = PhoneDaemon.start(options, "sim", (sink, config) -> {
            SerialFrontPanel panel = FrontPanels.openSerial(port.connector(), config, sink, SerialFrontPanel.Options.DEFAULTS);
            PanelPoller poller = PanelPoller.start(panel);
            return new PhoneDaemon.FrontPanel(panel.display(), Optional.empty(), Optional.of(panel), () -> {
                poller.close();
                panel.close();
            });
        });
        port.send("HELLO test-fw 1", "PONG");
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    /** Where the next wait starts looking: lines sent before the mark do not count. */
    private int mark;

    /** Waits (bounded) for a line the phone sent to the panel after the mark; returns it. */
    private String awaitSent(Predicate<String> wanted, String what) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            seen.addAll(port.take());
            for (int i = mark; i < seen.size(); i++) {
                if (wanted.test(seen.get(i))) return seen.get(i);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the panel never got " + what + "; it got " + seen.subList(mark, seen.size()));
    }

    /** From now on, only lines sent after this moment count. */
    private void markNow() {
        seen.addAll(port.take());
        mark = seen.size();
    }

    private String awaitScreen(String text) throws InterruptedException {
        return awaitSent(l -> l.startsWith("D ") && l.contains(text), "a screen line with '" + text + "'");
    }

    @Test
    void keysAndHookFromTheMicrocontrollerMakeACall() throws Exception {
        awaitScreen("Ready");
        markNow();
        port.send("H 1");
        awaitScreen("Dial:");
        port.send("K 1", "K 0", "K 0", "K 2", "K #");
        awaitScreen("Calling");
        awaitScreen("Connected");
        markNow();
        port.send("H 0");
        awaitScreen("Ready");
    }

    @Test
    void anIncomingCallRingsThePanelsRingerAndLiftingTheHandsetAnswers() throws Exception {
        awaitScreen("Ready");
        markNow();
        daemon.simulatedNetwork().ring("2000", "Ann");
        awaitScreen("Ann");
        awaitSent(l -> l.equals("R 1"), "the ringer on");
        markNow();
        port.send("H 1");
        awaitSent(l -> l.equals("R 0"), "the ringer off");
        assertTrue(awaitScreen("Connected").contains("Connected"));
    }
}
