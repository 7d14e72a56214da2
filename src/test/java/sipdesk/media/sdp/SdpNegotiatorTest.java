package sipdesk.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdpNegotiatorTest {

    private static final SdpPolicy POLICY = SdpPolicy.defaults();

    private static SdpNegotiator negotiator() {
        return new SdpNegotiator(POLICY, "192.0.2.10", 40000, 1234);
    }

    private static String offerOf(String connection, String mLine, String... attributes) {
        StringBuilder s = new StringBuilder("v=0\r\no=peer 99 1 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 " + connection
                + "\r\nt=0 0\r\nm=" + mLine + "\r\n");
        for (String a : attributes) s.append("a=").append(a).append("\r\n");
        return s.toString();
    }

    private static MediaPlan agreed(Negotiation n) {
        return assertInstanceOf(Negotiation.Agreed.class, n).plan();
    }

    private static SessionDescription parse(String text) {
        return assertInstanceOf(ParsedSdp.Valid.class, SdpParser.parse(text)).sdp();
    }

    @Test
    void offerListsConfiguredCodecsInPriorityOrderWithTelephoneEventAndPtime() {
        SdpNegotiator n = new SdpNegotiator(new SdpPolicy(List.of("PCMA", "G722", "PCMU"), 20, 101,
                MediaDirection.SENDONLY, false), "192.0.2.10", 40000, 1234);
        SessionDescription offer = parse(n.offer(MediaDirection.SENDRECV));
        MediaDescription m = offer.media().getFirst();
        assertEquals(List.of("8", "9", "0", "101"), m.formats());
        assertEquals(40000, m.port());
        assertEquals("telephone-event", m.rtpmap(101).orElseThrow().encodingName());
        assertEquals(8000, m.rtpmap(101).orElseThrow().clockRate());
        assertEquals(20, m.ptimeMs().orElseThrow());
        assertEquals(MediaDirection.SENDRECV, offer.directionOf(m));
        assertEquals("192.0.2.10", offer.connectionOf(m).orElseThrow());
    }

    @Test
    void writtenOfferUsesCrlfAndRfc4566LineOrder() {
        String offer = negotiator().offer(MediaDirection.SENDRECV);
        assertTrue(offer.startsWith("v=0\r\no=sipdesk 1234 "), offer);
        assertTrue(offer.matches("(?s)v=0\r\no=[^\r\n]*\r\ns=[^\r\n]*\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio .*"), offer);
        assertFalse(offer.replace("\r\n", "").contains("\n"));
    }

    @Test
    void answerTakesTheOfferersFirstCodecThatWeHave() {
        Negotiation n = negotiator().answer(offerOf("198.51.100.7", "audio 5004 RTP/AVP 18 8 0 101",
                "rtpmap:18 G729/8000", "rtpmap:101 telephone-event/8000", "fmtp:101 0-15"), MediaDirection.SENDRECV);
        MediaPlan plan = agreed(n);
        assertEquals(new MediaPlan("198.51.100.7", 5004, "PCMA", 8, 8000, 101, MediaDirection.SENDRECV, 20), plan);
        MediaDescription answer = parse(((Negotiation.Agreed) n).answerSdp().orElseThrow()).media().getFirst();
        assertEquals(List.of("8", "101"), answer.formats());
        assertEquals(40000, answer.port());
    }

    @Test
    void answerUsesTheOfferersDynamicTelephoneEventType() {
        MediaPlan plan = agreed(negotiator().answer(offerOf("198.51.100.7", "audio 5004 RTP/AVP 0 96",
                "rtpmap:96 telephone-event/8000"), MediaDirection.SENDRECV));
        assertEquals(96, plan.telephoneEventPayloadType());
    }

    @Test
    void staticPayloadTypesWithoutRtpmapAreUnderstood() {
        MediaPlan plan = agreed(negotiator().answer(offerOf("198.51.100.7", "audio 5004 RTP/AVP 9"), MediaDirection.SENDRECV));
        assertEquals("G722", plan.codec());
        assertEquals(-1, plan.telephoneEventPayloadType());
    }

    @Test
    void noCommonCodecIs488() {
        Negotiation n = negotiator().answer(offerOf("198.51.100.7", "audio 5004 RTP/AVP 18 3",
                "rtpmap:18 G729/8000"), MediaDirection.SENDRECV);
        Negotiation.NotAcceptable refused = assertInstanceOf(Negotiation.NotAcceptable.class, n);
        assertEquals(488, refused.statusCode());
        assertTrue(refused.reason().contains("G729"), refused.reason());
    }

    @Test
    void videoOnlyOfferIs488AndVideoBesideAudioIsRejectedInPlace() {
        assertInstanceOf(Negotiation.NotAcceptable.class,
                negotiator().answer(offerOf("198.51.100.7", "video 5006 RTP/AVP 96"), MediaDirection.SENDRECV));
        String offer = offerOf("198.51.100.7", "video 5006 RTP/AVP 96") + "m=audio 5004 RTP/AVP 0\r\n";
        Negotiation n = negotiator().answer(offer, MediaDirection.SENDRECV);
        SessionDescription answer = parse(((Negotiation.Agreed) n).answerSdp().orElseThrow());
        assertEquals(0, answer.media().get(0).port());
        assertEquals("video", answer.media().get(0).media());
        assertEquals(40000, answer.media().get(1).port());
    }

    @Test
    void peerHoldingWithSendonlyIsAnsweredRecvonly() {
        Negotiation n = negotiator().answer(offerOf("198.51.100.7", "audio 5004 RTP/AVP 0", "sendonly"),
                MediaDirection.SENDRECV);
        assertEquals(MediaDirection.RECVONLY, agreed(n).direction());
        assertTrue(((Negotiation.Agreed) n).answerSdp().orElseThrow().contains("a=recvonly\r\n"));
    }

    @Test
    void peerHoldingWithInactiveIsAnsweredInactive() {
        assertEquals(MediaDirection.INACTIVE, agreed(negotiator().answer(
                offerOf("198.51.100.7", "audio 5004 RTP/AVP 0", "inactive"), MediaDirection.SENDRECV)).direction());
    }

    @Test
    void legacyHoldWithNullAddressMeansWeDoNotSend() {
        MediaPlan plan = agreed(negotiator().answer(offerOf("0.0.0.0", "audio 5004 RTP/AVP 0"), MediaDirection.SENDRECV));
        assertTrue(plan.remoteOnLegacyHold());
        assertFalse(plan.direction().sends());
    }

    @Test
    void weHoldWithSendonlyAndTheAnswerRecvonlyLetsUsSendOnly() {
        SdpNegotiator n = negotiator();
        String offer = n.offer(MediaDirection.SENDONLY);
        assertTrue(offer.contains("a=sendonly\r\n"));
        MediaPlan plan = agreed(n.accept(offerOf("198.51.100.7", "audio 5004 RTP/AVP 0", "recvonly")));
        assertEquals(MediaDirection.SENDONLY, plan.direction());
    }

    @Test
    void legacyHoldPolicyWritesNullAddress() {
        SdpNegotiator n = new SdpNegotiator(new SdpPolicy(List.of("PCMU"), 20, 101, MediaDirection.INACTIVE, true),
                "192.0.2.10", 40000, 1);
        assertTrue(n.offer(MediaDirection.INACTIVE).contains("c=IN IP4 0.0.0.0\r\n"));
        assertTrue(n.offer(MediaDirection.SENDRECV).contains("c=IN IP4 192.0.2.10\r\n"));
    }

    @Test
    void answerToOurOfferGivesTheAnsweredCodecAndItsEventType() {
        SdpNegotiator n = negotiator();
        n.offer(MediaDirection.SENDRECV);
        MediaPlan plan = agreed(n.accept(offerOf("203.0.113.5", "audio 6000 RTP/AVP 0 101",
                "rtpmap:101 telephone-event/8000", "ptime:30")));
        assertEquals(new MediaPlan("203.0.113.5", 6000, "PCMU", 0, 8000, 101, MediaDirection.SENDRECV, 30), plan);
    }

    @Test
    void answerRejectingTheStreamIsNotAcceptable() {
        SdpNegotiator n = negotiator();
        n.offer(MediaDirection.SENDRECV);
        assertInstanceOf(Negotiation.NotAcceptable.class, n.accept(offerOf("203.0.113.5", "audio 0 RTP/AVP 0")));
    }

    @Test
    void reOfferChangingAddressPortAndCodecGivesANewPlan() {
        SdpNegotiator n = negotiator();
        MediaPlan first = agreed(n.answer(offerOf("198.51.100.7", "audio 5004 RTP/AVP 0"), MediaDirection.SENDRECV));
        MediaPlan second = agreed(n.answer(offerOf("198.51.100.99", "audio 7000 RTP/AVP 9 0"), MediaDirection.SENDRECV));
        assertNotEquals(first, second);
        assertEquals("198.51.100.99", second.remoteAddress());
        assertEquals(7000, second.remotePort());
        assertEquals("G722", second.codec());
    }

    @Test
    void originVersionGrowsOnlyWhenOurBodyChanges() {
        SdpNegotiator n = negotiator();
        String v1 = parse(n.offer(MediaDirection.SENDRECV)).sessionVersion();
        String v2 = parse(n.offer(MediaDirection.SENDRECV)).sessionVersion();
        String v3 = parse(n.offer(MediaDirection.SENDONLY)).sessionVersion();
        SessionDescription last = parse(n.offer(MediaDirection.SENDONLY));
        assertEquals(v1, v2);
        assertEquals(Long.parseLong(v1) + 1, Long.parseLong(v3));
        assertEquals(v3, last.sessionVersion());
        assertEquals("1234", last.sessionId());
    }

    @Test
    void disabledRfc4733OffersNoTelephoneEvent() {
        SdpNegotiator n = new SdpNegotiator(new SdpPolicy(List.of("PCMU"), 0, -1, MediaDirection.SENDONLY, false),
                "192.0.2.10", 40000, 1);
        String offer = n.offer(MediaDirection.SENDRECV);
        assertFalse(offer.contains("telephone-event"));
        assertFalse(offer.contains("ptime"));
        assertEquals(-1, agreed(n.answer(offerOf("1.2.3.4", "audio 5004 RTP/AVP 0 101",
                "rtpmap:101 telephone-event/8000"), MediaDirection.SENDRECV)).telephoneEventPayloadType());
    }
}
