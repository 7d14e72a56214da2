package sipdesk.daemon;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.control.ControlClient;
import sipdesk.sim.SimulatedAudio;
import sipdesk.sim.TerminalPanel;

/** The sipdesk CLI against a running daemon (simulator front panel, simulated network). */
class ControlSocketTest {
    @TempDir
    Path dir;
    private PhoneDaemon daemon;
    private Path socket;

    private record Result(int code, String out, String err) {}

    @BeforeEach
    void startDaemon() throws Exception {
        daemon = start();
    }

    private PhoneDaemon start() throws Exception {
        socket = dir.resolve("run/control.sock");
        var options = new RunOptions(dir.resolve("none.cfg"), "sim", Optional.of("-"), Optional.of(dir.resolve("state")),
                Optional.of(socket), "sim");
        var panel = new TerminalPanel(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        return PhoneDaemon.start(options, "sim", (sink, config) ->
                new PhoneDaemon.FrontPanel(panel, Optional.of(new SimulatedAudio(panel::audio)), () -> {}));
    }

    @Test
    void keypadSettingsAndHistorySurviveARestart() throws Exception {
        assertEquals(0, cli("dnd", "on").code());
        assertEquals(0, cli("dial", "2001").code());
        awaitStatus("state: Ended");
        daemon.close();
        daemon = start();
        Result r = cli("status");
        assertTrue(r.out().contains("dnd: on"), r.out());
        assertTrue(cli("history").out().contains("2001"));
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    private Result cli(String... words) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = ControlClient.run(socket, List.of(words), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Result awaitStatus(String text) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(15));
        Result r = cli("status");
        while (!r.out().contains(text) && Instant.now().isBefore(end)) {
            Thread.sleep(50);
            r = cli("status");
        }
        assertTrue(r.out().contains(text), "status never showed '" + text + "':\n" + r.out() + r.err());
        return r;
    }

    @Test
    void theSocketIsForOwnerAndGroupOnly() throws Exception {
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
    }

    @Test
    void statusShowsRegistrationAndSettings() throws Exception {
        Result r = awaitStatus("registration: registered");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("state: Idle"), r.out());
        assertTrue(r.out().contains("dnd: off"), r.out());
    }

    @Test
    void dialConnectsAndHangupEndsTheCall() throws Exception {
        Result dial = cli("dial", "1002");
        assertEquals(0, dial.code(), dial.err());
        Result connected = awaitStatus("state: Connected");
        assertTrue(connected.out().contains("call: out-1 outgoing 1002"), connected.out());
        assertEquals(0, cli("hangup").code());
        awaitStatus("state: Idle");
        Result history = cli("history");
        assertTrue(history.out().contains("outgoing  1002"), history.out());
    }

    @Test
    void refusedCommandsSayWhy() {
        Result r = cli("answer");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("refused: the phone is in state Idle"), r.err());
    }

    @Test
    void dndAndForwardAreSetAndSurviveInTheStateFile() throws Exception {
        assertEquals(0, cli("dnd", "on").code());
        assertEquals(0, cli("forward", "noanswer", "1009").code());
        Result r = cli("status");
        assertTrue(r.out().contains("dnd: on"), r.out());
        assertTrue(r.out().contains("no answer to 1009"), r.out());
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        Path state = dir.resolve("state/state.txt");
        while (!(Files.exists(state) && Files.readString(state).contains("1009")) && Instant.now().isBefore(end)) Thread.sleep(20);
        assertTrue(Files.readString(state).contains("1009"));
    }

    @Test
    void badCommandsGetUsage() {
        Result r = cli("forward", "sideways", "1");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("forward kind must be always, busy or noanswer"), r.err());
        Result u = cli("frobnicate");
        assertTrue(u.err().contains("unknown command 'frobnicate'"), u.err());
    }

    @Test
    void noDaemonIsAClearMessage() {
        daemon.close();
        Result r = cli("status");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("the daemon is not running"), r.err());
    }
}
