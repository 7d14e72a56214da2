package sipdesk.media;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import sipdesk.config.ConfigFile;
import sipdesk.config.ConfigLoad;
import sipdesk.config.Strictness;
import sipdesk.media.rtp.RtpSettings;

/** The phone-wide media keys reach the RTP sessions the engine opens. */
class MediaSetupTest {

    @Test
    void rtpPortRangeDtmfTimingAndSilenceTimeoutReachTheRtpSettings() {
        String text = """
                network.port.min_rtpport = 30000
                network.port.max_rtpport = 30011
                features.dtmf.duration = 240
                features.dtmf.repetition = 2
                sipdesk.media.rtp_timeout = 90
                """;
        ConfigLoad.Loaded loaded = assertInstanceOf(ConfigLoad.Loaded.class,
                ConfigFile.parse("sipdesk.cfg", text.getBytes(UTF_8), Strictness.STRICT));
        RtpSettings rtp = MediaSetup.from(loaded.config(), InetAddress.getLoopbackAddress()).rtp();
        assertEquals(30000, rtp.minPort());
        assertEquals(30011, rtp.maxPort());
        assertEquals(6, rtp.portPairs());
        assertEquals(240, rtp.dtmfDurationMs());
        assertEquals(2, rtp.dtmfEndRepetitions());
        assertEquals(90, rtp.silenceTimeoutSeconds());
    }
}
