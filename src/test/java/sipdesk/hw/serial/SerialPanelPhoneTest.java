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

    /** Waits (bounded) for a line the phone sent to the panel; returns it. */
    private String awaitSent(Predicate<String> wanted, String what) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            synchronized (port) {
                seen.addAll(port.take());
            }
            for (int i = 0; i < seen.size(); i++) {
                String line = seen.get(i);
                if (wanted.test(line)) {
                    seen.subList(0, i + 1).clear(); // what came after it is still to be looked at
                    return line;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the panel never got " + what + "; it got " + seen);
    }

    private String awaitScreen(String text) throws InterruptedException {
        return awaitSent(l -> l.startsWith("D ") && l.contains(text), "a screen line with '" + text + "'");
    }

    @Test
    void keysAndHookFromTheMicrocontrollerMakeACall() throws Exception {
        awaitScreen("Ready");
        port.send("H 1");
        awaitScreen("Dial:");
        port.send("K 1", "K 0", "K 0", "K 2", "K #");
        awaitScreen("Calling");
        awaitScreen("Connected");
        port.send("H 0");
        awaitScreen("Ready");
    }

    @Test
    void anIncomingCallRingsThePanelsRingerAndLiftingTheHandsetAnswers() throws Exception {
        awaitScreen("Ready");
        daemon.simulatedNetwork().ring("2000", "Ann");
        awaitScreen("Ann");
        awaitSent(l -> l.equals("R 1"), "the ringer on");
        port.send("H 1");
        awaitSent(l -> l.equals("R 0"), "the ringer off");
        assertTrue(awaitScreen("Connected").contains("Connected"));
    }
}
