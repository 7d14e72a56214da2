package sipdesk.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SdpParserTest {

    @Test
    void acceptsBareLineFeedsUnknownLinesAndMissingSessionName() {
        String text = "v=0\no=- 1 2 IN IP4 10.0.0.1\nz=whatever\nc=IN IP4 10.0.0.1/127\n\nm=audio 4000 RTP/AVP 0 8\n"
                + "b=AS:64\na=rtpmap:0 pcmu/8000\nA=ptime:20\nx\n";
        SessionDescription sdp = assertInstanceOf(ParsedSdp.Valid.class, SdpParser.parse(text)).sdp();
        MediaDescription m = sdp.media().getFirst();
        assertEquals("10.0.0.1", sdp.connection().orElseThrow());
        assertEquals(List.of("0", "8"), m.formats());
        assertEquals("pcmu", m.rtpmap(0).orElseThrow().encodingName());
        assertEquals(20, m.ptimeMs().orElseThrow());
        assertEquals("2", sdp.sessionVersion());
    }

    @Test
    void mediaLevelConnectionOverridesSessionLevel() {
        SessionDescription sdp = ((ParsedSdp.Valid) SdpParser.parse(
                "v=0\r\nc=IN IP4 1.1.1.1\r\nm=audio 4000 RTP/AVP 0\r\nc=IN IP6 ::1\r\na=inactive\r\n")).sdp();
        assertEquals("::1", sdp.connectionOf(sdp.media().getFirst()).orElseThrow());
        assertEquals(MediaDirection.INACTIVE, sdp.directionOf(sdp.media().getFirst()));
    }

    @Test
    void refusesBodiesWithoutMediaOrWithABrokenMediaLine() {
        assertInstanceOf(ParsedSdp.Invalid.class, SdpParser.parse("v=0\r\ns=-\r\n"));
        ParsedSdp broken = SdpParser.parse("v=0\r\nm=audio port RTP/AVP 0\r\n");
        assertTrue(((ParsedSdp.Invalid) broken).message().contains("line 2"));
        assertInstanceOf(ParsedSdp.Invalid.class, SdpParser.parse(""));
    }

    @Test
    void writerRoundTripsAndRefusesLineBreaks() {
        SessionDescription sdp = new SessionDescription("-", "1", "1", "::1", "x", Optional.of("::1"), List.of(),
                List.of(new MediaDescription("audio", 4000, "RTP/AVP", List.of("0"), Optional.empty(),
                        List.of(SdpAttribute.flag("sendrecv")))));
        String text = SdpWriter.write(sdp);
        assertTrue(text.contains("c=IN IP6 ::1\r\n"), text);
        assertEquals(sdp, ((ParsedSdp.Valid) SdpParser.parse(text)).sdp());
        SessionDescription bad = new SessionDescription("-", "1", "1", "::1", "x\r\nm=video", Optional.empty(),
                List.of(), sdp.media());
        assertThrows(IllegalArgumentException.class, () -> SdpWriter.write(bad));
    }
}
