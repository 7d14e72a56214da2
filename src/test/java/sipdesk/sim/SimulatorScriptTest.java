package sipdesk.sim;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import sipdesk.core.CallControl;
import sipdesk.core.CallSettings;
import sipdesk.core.PhoneEvent;
import sipdesk.core.SavedState;
import sipdesk.daemon.CommandDispatcher;
import sipdesk.loop.EventLoop;

/** The simulator end to end in one JVM: script in, LCD frames out, through the real event loop. */
class SimulatorScriptTest {

    private record Run(int code, String out, String err) {}

    private static Run run(String script) throws Exception {
        var outBytes = new ByteArrayOutputStream();
        var errBytes = new ByteArrayOutputStream();
        var out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        var err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        var core = new CallControl(CallSettings.DEFAULTS, SavedState.EMPTY, Clock.systemUTC());
        var panel = new TerminalPanel(out, false);
        var audio = new SimulatedAudio(panel::audio);
        EventLoop[] ref = new EventLoop[1];
        var network = new SimulatedNetwork(e -> ref[0].post(e), Duration.ofMillis(50));
        var loop = new EventLoop(core, new CommandDispatcher(network, audio, panel, new MemoryStateStore()), Clock.systemUTC());
        ref[0] = loop;
        Thread t = loop.start();
        loop.post(new PhoneEvent.Started());
        int code;
        try {
            code = new Simulator(loop, network, panel, err).runScript(
                    new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
        } finally {
            loop.close();
            network.close();
            t.join(5000);
        }
        return new Run(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aWholeCallShowsOnTheLcd() throws Exception {
        Run r = run("""
                expect Ready
                offhook
                expect Dial:
                type 1002#
                expect Connected
                onhook
                expect Ready
                """);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("|Ringing         |"), r.out());
        assertTrue(r.out().contains("--- audio tone: DIAL"), r.out());
    }

    @Test
    void theSimulatedNetworkRedirectsAndThePhoneFollows() throws Exception {
        Run r = run("""
                expect Ready
                offhook
                type 3005#
                expect Forwarded to
                expect Connected
                onhook
                """);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("|1005            |"), r.out());
    }

    @Test
    void aFailedExpectationFailsTheScriptWithTheScreen() throws Exception {
        Run r = run("""
                expect Ready
                expect Connected
                """);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("script line 2: expected the LCD to show 'Connected'"), r.err());
        assertTrue(r.err().contains("|Ready"), r.err());
    }

    @Test
    void unknownScriptCommandsAreReported() throws Exception {
        Run r = run("jump\n");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("unknown command 'jump'"));
    }
}
