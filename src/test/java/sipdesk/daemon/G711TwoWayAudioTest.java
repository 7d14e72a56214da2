package sipdesk.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sipdesk.daemon.TwoWayAudioFixture.WAIT;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.core.Key;
import sipdesk.core.PhoneEvent.KeyPress;
import sipdesk.testing.peers.Baresip;
import sipdesk.testing.peers.Sipp;

/**
 * Two-way audio end to end with G.711 u-law only (narrowband: the engine converts 8 kHz to its
 * 16 kHz path and back), and RFC 4733 DTMF both ways with baresip in the same calls' setting.
 */
class G711TwoWayAudioTest extends TwoWayAudioTests {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static TwoWayAudioFixture phone;

    @BeforeAll
    static void start() throws Exception {
        phone = TwoWayAudioFixture.start(dir, """
                account.1.codec.pcmu.enable = 1
                account.1.codec.pcma.enable = 0
                account.1.codec.g722.enable = 0
                """);
    }

    @AfterAll
    static void stop() {
        if (phone != null) phone.close();
    }

    @Override
    TwoWayAudioFixture phone() {
        return phone;
    }

    @Override
    String[] baresipCodecs() {
        return new String[] {"g722.so", "g711.so"};
    }

    @Override
    String codecName() {
        return "PCMU";
    }

    @Test
    void digitsBaresipSendsAreRecognisedByThePhone() throws Exception {
        Path recordings = dir.resolve("rec-dtmf-in-" + System.nanoTime());
        try (Baresip far = baresip(";answermode=auto", List.of(), recordings)) {
            far.awaitOutput("200 OK", WAIT);
            phone.awaitStatus("state: Idle");
            assertTrue(phone.cli("dial", "1005").startsWith("0 "));
            phone.awaitStatus("state: Connected");
            far.awaitOutput("Call established", WAIT);
            String before = phone.dtmfSeen();
            far.command("sndcode", "159#");
            String seen = phone.awaitDtmf(before + "159#");
            assertTrue(seen.endsWith("159#"), seen);
            assertTrue(phone.cli("hangup").startsWith("0 "));
            far.awaitOutput("session closed", WAIT);
        }
    }

    @Test
    void digitsThePhoneSendsAreRecognisedByBaresip() throws Exception {
        Path recordings = dir.resolve("rec-dtmf-out-" + System.nanoTime());
        try (Baresip far = baresip(";answermode=auto", List.of(), recordings)) {
            far.awaitOutput("200 OK", WAIT);
            phone.awaitStatus("state: Idle");
            assertTrue(phone.cli("dial", "1005").startsWith("0 "));
            phone.awaitStatus("state: Connected");
            far.awaitOutput("Call established", WAIT);
            for (char c : "27*".toCharArray()) phone.daemon.loop().post(new KeyPress(Key.ofSymbol(c)));
            far.awaitOutput("received event: '2' (end=1)", WAIT);
            far.awaitOutput("received event: '7' (end=1)", WAIT);
            far.awaitOutput("received event: '*' (end=1)", WAIT);
            assertTrue(phone.cli("hangup").startsWith("0 "));
            far.awaitOutput("session closed", WAIT);
        }
    }

    @Test
    void rfc2833DigitsFromSippCapturesAreRecognisedByThePhone() throws Exception {
        phone.awaitStatus("state: Idle");
        try (Sipp sipp = Sipp.uas(dir, "uas_answer_dtmf.xml", phone.sippPort, Map.of())) {
            String before = phone.dtmfSeen();
            assertTrue(phone.cli("dial", TwoWayAudioFixture.SIPP_NUMBER).startsWith("0 "));
            phone.awaitStatus("state: Connected");
            String seen = phone.awaitDtmf(before + "15#");
            assertTrue(seen.endsWith("15#"), seen);
            assertTrue(phone.cli("hangup").startsWith("0 "));
            assertEquals(0, sipp.awaitExit(WAIT), sipp.output());
        }
    }
}
