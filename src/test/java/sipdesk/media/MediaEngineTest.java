package sipdesk.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.config.SipdeskConfig;
import sipdesk.core.CallId;
import sipdesk.core.Command.ConnectMedia;
import sipdesk.core.Command.PlayTone;
import sipdesk.core.Command.StartRinger;
import sipdesk.core.Command.StopRinger;
import sipdesk.core.Command.StopTone;
import sipdesk.core.PhoneEvent;
import sipdesk.core.Tone;
import sipdesk.media.sdp.MediaDirection;
import sipdesk.media.sdp.Negotiation;

class MediaEngineTest {

    @TempDir
    Path dir;

    private static final CallId X = new CallId("x");
    private static final CallId Y = new CallId("y");
    private static final CallId Z = new CallId("z");

    /** Sets up a call from {@code caller}'s leg to {@code callee}'s by offer/answer, as the SIP adapter would. */
    private static void call(EngineFixture caller, CallId out, EngineFixture callee, CallId in) throws IOException {
        caller.engine.open(out, "127.0.0.1");
        String offer = caller.engine.offer(out, MediaDirection.SENDRECV);
        callee.engine.open(in, "127.0.0.1");
        Negotiation answer = callee.engine.answer(in, offer, MediaDirection.SENDRECV);
        String answerSdp = assertInstanceOf(Negotiation.Agreed.class, answer).answerSdp().orElseThrow();
        assertInstanceOf(Negotiation.Agreed.class, caller.engine.accept(out, answerSdp));
    }

    @Test
    void callBetweenTwoEnginesCarriesWidebandVoiceBothWays() throws Exception {
        try (EngineFixture a = new EngineFixture(dir, "a", 1000, EngineFixture.setup());
             EngineFixture b = new EngineFixture(dir, "b", 5000, EngineFixture.setup())) {
            call(a, X, b, Y);
            assertEquals("G722", a.engine.stats(X).orElseThrow().codec()); // Yealink default priority: G.722 first
            a.engine.execute(new ConnectMedia(List.of(X)));
            b.engine.execute(new ConnectMedia(List.of(Y)));
            Thread.sleep(1500);
            assertTrue(a.engine.stats(X).orElseThrow().packetsReceived() > 50);
            short[] atB = b.earpiece();
            short[] atA = a.earpiece();
            assertTrue(EngineFixture.framesWith(atB, 1000, 700, 1400, 0.8) > 0.9);
            assertTrue(EngineFixture.framesWith(atA, 5000, 700, 1400, 0.8) > 0.9); // 5 kHz: wideband really
        }
    }

    @Test
    void dtmfFromOneEngineIsPostedByTheOther() throws Exception {
        try (EngineFixture a = new EngineFixture(dir, "a", 0, EngineFixture.setup());
             EngineFixture b = new EngineFixture(dir, "b", 0, EngineFixture.setup())) {
            call(a, X, b, Y);
            a.engine.execute(new ConnectMedia(List.of(X)));
            assertTrue(a.engine.sendDtmf(X, '5'));
            assertTrue(a.engine.sendDtmf(X, '#'));
            Thread.sleep(800);
            assertEquals(List.of(new PhoneEvent.DtmfReceived(Y, '5'), new PhoneEvent.DtmfReceived(Y, '#')), b.events);
        }
    }

    @Test
    void dialToneFromTheCountryPlanPlaysAndStops() throws Exception {
        try (EngineFixture a = new EngineFixture(dir, "a", 0, EngineFixture.setup())) {
            a.engine.execute(new PlayTone(Tone.DIAL));
            Thread.sleep(600);
            a.engine.execute(new StopTone());
            Thread.sleep(400);
            short[] heard = a.earpiece();
            assertTrue(EngineFixture.framesWith(heard, 350, 100, 500, 0.3) > 0.9); // US dial tone: 350 + 440 Hz
            assertTrue(EngineFixture.framesWith(heard, 440, 100, 500, 0.3) > 0.9);
            assertEquals(0, EngineFixture.framesWith(heard, 350, 750, 1000, 0.3));
        }
    }

    @Test
    void ringerWithoutACardOfItsOwnRingsOnTheEarpiece() throws Exception {
        try (EngineFixture a = new EngineFixture(dir, "a", 0, EngineFixture.setup())) {
            a.engine.execute(new StartRinger());
            Thread.sleep(300);
            a.engine.execute(new StopRinger());
            short[] heard = a.earpiece();
            assertTrue(EngineFixture.framesWith(heard, 800, 20, 300, 0.3) > 0.5);
        }
    }

    @Test
    void callWaitingBeepIsMixedOverTheVoice() throws Exception {
        try (EngineFixture a = new EngineFixture(dir, "a", 0, EngineFixture.setup());
             EngineFixture b = new EngineFixture(dir, "b", 1000, EngineFixture.setup())) {
            call(a, X, b, Y);
            a.engine.execute(new ConnectMedia(List.of(X)));
            b.engine.execute(new ConnectMedia(List.of(Y)));
            Thread.sleep(500);
            a.engine.execute(new PlayTone(Tone.CALL_WAITING)); // US: 440 Hz, 300 ms
            Thread.sleep(250);
            short[] heard = a.earpiece();
            sipdesk.media.tone.Goertzel beep = new sipdesk.media.tone.Goertzel(440, 16000);
            sipdesk.media.tone.Goertzel voice = new sipdesk.media.tone.Goertzel(1000, 16000);
            int beepFrames = 0;
            for (int at = 0; at + 320 <= heard.length; at += 320) {
                double all = sipdesk.media.tone.Goertzel.meanSquare(heard, at, 320);
                if (all < 1e4 || beep.power(heard, at, 320) < 0.2 * all) continue;
                beepFrames++;
                if (at + 4 * 320 > heard.length) break; // the last frames: the call closes before the earpiece
                assertTrue(voice.power(heard, at, 320) > 0.2 * all, "the voice goes on under the beep at " + at / 16 + " ms");
            }
            assertTrue(beepFrames >= 8, beepFrames + " frames of beep");
        }
    }

    @Test
    void twoConnectedCallsAreMixedLocallyIntoAThreeWayConference() throws Exception {
        try (EngineFixture a = new EngineFixture(dir, "a", 0, EngineFixture.setup());
             EngineFixture b = new EngineFixture(dir, "b", 1000, EngineFixture.setup());
             EngineFixture c = new EngineFixture(dir, "c", 600, EngineFixture.setup())) {
            call(a, X, b, Y);
            call(a, Z, c, Y);
            a.engine.execute(new ConnectMedia(List.of(X, Z)));
            b.engine.execute(new ConnectMedia(List.of(Y)));
            c.engine.execute(new ConnectMedia(List.of(Y)));
            Thread.sleep(1500);
            short[] atC = c.earpiece();
            short[] atB = b.earpiece();
            short[] atA = a.earpiece();
            assertTrue(EngineFixture.framesWith(atC, 1000, 800, 1400, 0.8) > 0.9, "C hears B through A");
            assertTrue(EngineFixture.framesWith(atB, 600, 800, 1400, 0.8) > 0.9, "B hears C through A");
            assertTrue(EngineFixture.framesWith(atA, 1000, 800, 1400, 0.2) > 0.9, "A hears both");
            assertTrue(EngineFixture.framesWith(atA, 600, 800, 1400, 0.2) > 0.9);
        }
    }

    @Test
    void offerWithNothingWeSpeakIs488AndTheLegCloses() throws Exception {
        try (EngineFixture a = new EngineFixture(dir, "a", 0, EngineFixture.setup())) {
            a.engine.open(X, "127.0.0.1");
            Negotiation n = a.engine.answer(X, "v=0\r\nc=IN IP4 127.0.0.1\r\nm=audio 5000 RTP/AVP 18\r\n",
                    MediaDirection.SENDRECV);
            assertEquals(488, assertInstanceOf(Negotiation.NotAcceptable.class, n).statusCode());
            a.engine.close(X);
            assertTrue(a.engine.stats().isEmpty());
        }
    }

    @Test
    void setupFollowsTheAccountConfiguration() {
        MediaSetup setup = MediaSetup.from(SipdeskConfig.defaults(), java.net.InetAddress.getLoopbackAddress());
        assertEquals(List.of("G722", "PCMU", "PCMA"), setup.sdp().codecs());
        assertEquals(101, setup.sdp().telephoneEventPayloadType());
        assertEquals(MediaDirection.SENDONLY, setup.sdp().holdDirection());
        assertEquals(20, setup.sdp().ptimeMs());
    }
}
