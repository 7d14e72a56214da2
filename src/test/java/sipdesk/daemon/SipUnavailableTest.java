package sipdesk.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.testing.RunningPhone;
import sipdesk.testing.peers.FreePorts;

/** Found by systemd-test.sh: a server name that does not resolve used to end the process (a restart loop). */
class SipUnavailableTest {
    @TempDir
    Path dir;

    @Test
    void aServerNameThatDoesNotResolveLeavesThePhoneUpSayingWhy() throws Exception {
        Path cfg = dir.resolve("sipdesk.cfg");
        // RFC 6761: names under .invalid never resolve.
        Files.writeString(cfg, """
                account.1.enable = 1
                account.1.user_name = 1001
                account.1.sip_server.1.address = pbx.sipdesk.invalid
                sipdesk.sip.local_port = %d
                """.formatted(FreePorts.udpAndTcp()));
        try (RunningPhone phone = RunningPhone.start(cfg, dir, "auto")) {
            phone.awaitStatus("registration: failed at pbx.sipdesk.invalid: ");
            assertTrue(phone.cli("dial", "1234").startsWith("0 "), "the phone still takes commands");
        }
    }
}
