package sipdesk.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.testing.RunningPhone;
import sipdesk.testing.peers.Sipp;
import sipdesk.testing.peers.FreePorts;

/** No account enabled: the phone calls an IP typed with '*' for '.' (Yealink's convention), no PBX between. */
class IpDirectTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void withNoAccountThePhoneDialsAnIpAddressDirectly() throws Exception {
        Path cfg = dir.resolve("sipdesk.cfg");
        Files.writeString(cfg, """
                account.1.enable = 0
                sipdesk.sip.local_address = 127.0.0.1
                sipdesk.sip.local_port = %d
                """.formatted(FreePorts.udpAndTcp()));
        try (RunningPhone phone = RunningPhone.start(cfg, dir, "auto");
             Sipp far = Sipp.uas(dir, "uas_answer.xml", Map.of())) {
            phone.awaitStatus("registration: none (IP direct calls, 127.0.0.1)");
            assertTrue(phone.cli("dial", "127*0*0*1*" + far.port).startsWith("0 "));
            phone.awaitStatus("state: Connected");
            assertTrue(phone.cli("hangup").startsWith("0 "));
            assertEquals(0, far.awaitExit(WAIT), "sipp saw INVITE, ACK and BYE:\n" + far.output());
            assertTrue(far.messages().contains("INVITE sip:127.0.0.1:" + far.port), far.messages());
        }
    }
}
