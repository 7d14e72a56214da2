package sipdesk.daemon;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.testing.RunningPhone;
import sipdesk.testing.peers.Baresip;
import sipdesk.testing.peers.FreePorts;
import sipdesk.testing.peers.Kamailio;

/**
 * The whole phone as the README's "try it with a PBX" section runs it: the daemon reads a real
 * sipdesk.cfg, registers at kamailio, and calls baresip (and is called by it), driven through the
 * control socket like an admin over SSH.
 */
class PhoneWithRealPeersTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    static Kamailio kamailio;
    static RunningPhone phone;
    static int phonePort;

    @BeforeAll
    static void start() throws Exception {
        kamailio = Kamailio.builder().user("1001", "secret1").user("1005", "secret5").start(dir);
        Path cfg = dir.resolve("sipdesk.cfg");
        Files.writeString(cfg, """
                #!version:1.0.0.1
                account.1.enable = 1
                account.1.label = Desk 1001
                account.1.user_name = 1001
                account.1.password = secret1
                account.1.sip_server.1.address = 127.0.0.1
                account.1.sip_server.1.port = %d
                account.1.sip_server.1.expires = 300
                sipdesk.sip.local_address = 127.0.0.1
                sipdesk.sip.local_port = %d
                """.formatted(kamailio.port, phonePort = FreePorts.udpAndTcp()));
        phone = RunningPhone.start(cfg, dir, "auto");
        awaitStatus("registration: registered sip:1001@");
    }

    @AfterAll
    static void stop() {
        if (phone != null) phone.close();
        if (kamailio != null) kamailio.close();
    }

    private static String cli(String... words) {
        return phone.cli(words);
    }

    private static String awaitStatus(String text) throws InterruptedException {
        return phone.awaitStatus(text);
    }

    private static String baresipAccount(String extra) {
        return "<sip:1005@127.0.0.1:" + kamailio.port + ">;auth_pass=secret5;regint=600" + extra;
    }

    @Test
    void thePhoneCallsBaresipThroughKamailio() throws Exception {
        try (Baresip far = Baresip.start(dir, baresipAccount(";answermode=auto"), List.of())) {
            far.awaitOutput("200 OK", WAIT);
            assertTrue(cli("dial", "1005").startsWith("0 "));
            String s = awaitStatus("state: Connected");
            assertTrue(s.contains("outgoing"), s);
            far.awaitOutput("Call established", WAIT);
            awaitStatus("media: PCMU with ");
            String media = awaitStatus(", lost 0 (");
            for (int i = 0; i < 200 && !media.matches("(?s).*received [1-9][0-9]*,.*"); i++) {
                Thread.sleep(50); // polling, bounded to 10 s: RTP flows within milliseconds of the answer
                media = awaitStatus("media: ");
            }
            assertTrue(media.matches("(?s).*received [1-9][0-9]*,.*"), "RTP from baresip arrives:\n" + media);
            assertTrue(cli("hangup").startsWith("0 "));
            far.awaitOutput("session closed", WAIT);
            awaitStatus("state: Idle");
            String flows = cli("flows", "1");
            assertTrue(flows.startsWith("0 "), flows);
            assertTrue(flows.matches("(?s).*F1 +INVITE sip:1005@.*F[0-9]+ +200 [^\\n]*\\(INVITE\\).*ACK.*BYE.*"), flows);
        }
    }

    @Test
    void baresipCallsThePhoneWhichRingsAndAnswers() throws Exception {
        try (Baresip caller = Baresip.start(dir, baresipAccount(""), List.of("/dial sip:1001@127.0.0.1:" + kamailio.port))) {
            awaitStatus("state: IncomingRinging");
            assertTrue(cli("answer").startsWith("0 "));
            caller.awaitOutput("Call established", WAIT);
            awaitStatus("state: Connected");
            caller.awaitOutput("Call established", WAIT);
            assertTrue(cli("hangup").startsWith("0 "));
            caller.awaitOutput("session closed", WAIT);
            assertTrue(cli("history").contains("incoming"));
        }
    }

    /** The phone as B of Yealink's forward flow: always-forward on, it answers the INVITE with 302. */
    @Test
    void withAlwaysForwardThePhoneAnswers302AndTheCallerFollowsIt() throws Exception {
        assertTrue(cli("forward", "always", "1009").startsWith("0 "));
        // The 302's Contact names the account's domain; baresip reaches it through kamailio as its outbound proxy.
        String viaProxy = ";outbound=\"sip:127.0.0.1:" + kamailio.port + "\"";
        try (Baresip caller = Baresip.start(dir, baresipAccount(viaProxy), List.of("/dial sip:1001@127.0.0.1:" + kamailio.port))) {
            int redirect = kamailio.awaitFlow(WAIT, "RPL 302", "src=127.0.0.1:" + phonePort);
            int followUp = kamailio.awaitFlow(WAIT, "REQ INVITE sip:1009@");
            assertTrue(followUp > redirect, "the caller's new INVITE to the Contact follows the 302");
            assertTrue(cli("history").contains("forwarded"), cli("history"));
            assertTrue(cli("status").contains("state: Idle"), "the phone never rang");
        } finally {
            cli("forward", "always", "off");
        }
    }
}
