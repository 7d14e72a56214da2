package sipdesk.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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

    /** A config with no account, listening on loopback, plus {@code extra} lines. */
    private Path config(String extra) throws Exception {
        return Files.writeString(dir.resolve("sipdesk.cfg"), """
                account.1.enable = 0
                sipdesk.sip.local_address = 127.0.0.1
                sipdesk.sip.local_port = %d
                """.formatted(FreePorts.udpAndTcp()) + extra);
    }

    @Test
    void withNoAccountThePhoneDialsAnIpAddressDirectly() throws Exception {
        Path cfg = config("");
        try (RunningPhone phone = RunningPhone.start(cfg, dir, "auto");
             Sipp far = Sipp.uas(dir, "uas_answer.xml", Map.of())) {
            String status = phone.awaitStatus("registration: none (IP direct calls, 127.0.0.1)");
            assertTrue(status.lines().anyMatch(l -> l.startsWith("audio: microphone ") && l.contains(", earpiece ")), status);
            assertTrue(phone.cli("dial", "127*0*0*1*" + far.port).startsWith("0 "));
            phone.awaitStatus("state: Connected");
            assertTrue(phone.cli("hangup").startsWith("0 "));
            assertEquals(0, far.awaitExit(WAIT), "sipp saw INVITE, ACK and BYE:\n" + far.output());
            assertTrue(far.messages().contains("INVITE sip:127.0.0.1:" + far.port), far.messages());
        }
    }

    @Test
    void aCallWhoseFarEndSendsNoMediaIsHungUpAfterTheRtpTimeout() throws Exception {
        Path cfg = config("sipdesk.media.rtp_timeout = 2\n");
        Logger watch = Logger.getLogger("sipdesk.media.SilenceTimeouts");
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override public void publish(LogRecord r) { warnings.add(r.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        watch.addHandler(handler);
        // sipp answers with SDP but never sends RTP or RTCP: a peer that is gone, or whose BYE was lost
        try (RunningPhone phone = RunningPhone.start(cfg, dir, "auto");
             Sipp far = Sipp.uas(dir, "uas_answer.xml", Map.of())) {
            phone.awaitStatus("registration: none (IP direct calls, 127.0.0.1)");
            assertTrue(phone.cli("dial", "127*0*0*1*" + far.port).startsWith("0 "));
            phone.awaitStatus("state: Connected");
            assertEquals(0, far.awaitExit(WAIT), "sipp got our BYE without anyone hanging up:\n" + far.output());
            phone.awaitStatus("state: Idle");
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("no RTP, no RTCP"), warnings.toString());
        } finally {
            watch.removeHandler(handler);
        }
    }
}
