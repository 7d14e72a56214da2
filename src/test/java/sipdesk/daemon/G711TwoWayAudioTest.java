package sipdesk.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sipdesk.daemon.TwoWayAudioFixture.WAIT;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.testing.peers.Sipp;

/**
 * Two-way audio and DTMF end to end with G.711 u-law only (narrowband: the engine converts 8 kHz to
 * its 16 kHz path and back); also RFC 2833 digits replayed by sipp from its own captures.
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
