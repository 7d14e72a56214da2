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
            EngineFixture.runFrames(75, a, b);
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
            b.awaitEvents(2);
            assertEquals(List.of(new PhoneEvent.DtmfReceived(Y, '5'), new PhoneEvent.DtmfReceived(Y, '#')), b.events);
        }
    }

    @Test
    void aCallWhosePeerFallsSilentIsReportedOnceAndOnlyThen() throws Exception {
        MediaSetup base = EngineFixture.setup();
        MediaSetup oneSecond = new MediaSetup(base.sdp(), base.rtp().withSilenceTimeoutSeconds(1), base.captureDevice(),
                base.playbackDevice(), base.ringerDevice(), base.ringtone(), base.tones(), List.of());
        try (EngineFixture a = new EngineFixture(dir, "a", 0, oneSecond);
             EngineFixture b = new EngineFixture(dir, "b", 1000, EngineFixture.setup())) {
            call(a, X, b, Y);
            b.engine.execute(new ConnectMedia(List.of(Y)));
            // b talks for 3 s (150 packets): three times the timeout, yet nothing is reported
            long talking = System.nanoTime() + 15_000_000_000L;
            while (a.engine.stats(X).orElseThrow().packetsReceived() < 150 && System.nanoTime() < talking) Thread.sleep(20);
            assertTrue(a.engine.stats(X).orElseThrow().packetsReceived() >= 150);
            assertEquals(List.of(), a.events);
            b.engine.close(Y); // gone without a BYE reaching a
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (a.events.isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(List.of(new PhoneEvent.MediaTimeout(X)), a.events);
        }
    }

    @Test
    void dialToneFromTheCountryPlanPlaysAndStops() throws Exception {
        try (EngineFixture a = new EngineFixture(dir, "a", 0, EngineFixture.setup())) {
            a.engine.execute(new PlayTone(Tone.DIAL));
            EngineFixture.runFrames(30, a);
            long beforeStop = a.engine.frames();
            a.engine.execute(new StopTone());
            a.awaitRest();
            // the frame under way may still carry the tone; the next one is silence, then the handset rests
            assertTrue(a.engine.frames() - beforeStop <= 2, (a.engine.frames() - beforeStop) + " frames after the stop");
            short[] heard = a.earpiece();
            assertTrue(EngineFixture.framesWith(heard, 350, 100, 500, 0.3) > 0.9); // US dial tone: 350 + 440 Hz
            assertTrue(EngineFixture.framesWith(heard, 440, 100, 500, 0.3) > 0.9);
            int endMs = heard.length / 16;
            assertEquals(0, EngineFixture.framesWith(heard, 350, endMs - 20, endMs, 0.3), "the last frame is silence");
        }
    }

    @Test
    void aPhoneAtRestRunsNoFrames() throws Exception {
        try (EngineFixture a = new EngineFixture(dir, "a", 0, EngineFixture.setup());
             EngineFixture metronome = new EngineFixture(dir, "metronome", 0, EngineFixture.setup())) {
            a.awaitRest();
            metronome.engine.execute(new PlayTone(Tone.DIAL));
            EngineFixture.runFrames(25, metronome); // half a second of another handset's frames
            assertTrue(a.engine.handsetResting());
            assertEquals(0, a.engine.frames());
        }
    }

    @Test
    void aToneOrACallWakesTheRestingHandsetWhichRestsAgainAfterThem() throws Exception {
        try (EngineFixture a = new EngineFixture(dir, "a", 0, EngineFixture.setup());
             EngineFixture metronome = new EngineFixture(dir, "metronome", 0, EngineFixture.setup())) {
            a.awaitRest();
            a.engine.execute(new PlayTone(Tone.DIAL));
            EngineFixture.runFrames(5, a);
            a.engine.execute(new StopTone());
            a.awaitRest();
            long rested = a.engine.frames();
            metronome.engine.execute(new PlayTone(Tone.DIAL));
            EngineFixture.runFrames(25, metronome);
            assertEquals(rested, a.engine.frames(), "no frames between the tone and the call");
            a.engine.open(X, "127.0.0.1"); // not connected yet: its receiver is still drained each frame
            EngineFixture.runFrames(5, a);
            a.engine.close(X);
            a.awaitRest();
        }
    }

    @Test
    void ringerWithoutACardOfItsOwnRingsOnTheEarpiece() throws Exception {
        try (EngineFixture a = new EngineFixture(dir, "a", 0, EngineFixture.setup())) {
            a.engine.execute(new StartRinger());
            EngineFixture.runFrames(15, a);
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
            EngineFixture.runFrames(25, a, b);
            a.engine.execute(new PlayTone(Tone.CALL_WAITING)); // US: 440 Hz, 300 ms
            EngineFixture.runFrames(13, a);
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
            EngineFixture.runFrames(75, a, b, c);
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

    @Test
    void ringerWithACardOfItsOwnPlaysTheRingtoneFileThereAndNotOnTheEarpiece() throws Exception {
        short[] ringtone = new short[8000];
        for (int i = 0; i < ringtone.length; i++) ringtone[i] = (short) (8000 * Math.sin(2 * Math.PI * 1500 * i / 8000));
        Path ringtoneFile = dir.resolve("ring.wav");
        sipdesk.media.audio.WavFile.write(ringtoneFile, ringtone, ringtone.length, 8000);
        MediaSetup base = EngineFixture.setup();
        MediaSetup setup = new MediaSetup(base.sdp(), base.rtp(), base.captureDevice(), base.playbackDevice(),
                java.util.Optional.of("bell"), java.util.Optional.of(ringtoneFile), base.tones(), List.of());
        Path ringerFile = dir.resolve("ringer.wav");
        sipdesk.media.audio.WavFileSpeaker ringerSpeaker = sipdesk.media.audio.WavFileSpeaker.create(ringerFile, 48000);
        sipdesk.media.audio.HotplugSpeaker ringer = sipdesk.media.audio.HotplugSpeaker.start("ringer",
                () -> java.util.Optional.of(ringerSpeaker), 16000, java.time.Duration.ofMinutes(1));
        try (EngineFixture a = new EngineFixture(dir, "a", 0, setup, java.util.Optional.of(ringer))) {
            a.awaitRest();
            long wakeUps = a.engine.handsetWakeUps();
            a.engine.execute(new StartRinger());
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (ringerSpeaker.dataBytes() < 25 * 960 * 2 && System.nanoTime() < deadline) Thread.sleep(5);
            a.engine.execute(new StopRinger());
            assertEquals(0, a.engine.frames(), "the handset rests: the ring is not its to play");
            assertEquals(wakeUps, a.engine.handsetWakeUps(), "nor is it woken for it");
            short[] earpiece = a.earpiece();
            assertEquals(0, EngineFixture.framesWith(earpiece, 1500, 0, 500, 0.1));
        }
        sipdesk.media.audio.WavFile.Audio rang = sipdesk.media.audio.WavFile.read(ringerFile);
        assertEquals(48000, rang.sampleRate());
        assertTrue(rang.samples().length >= 48000 * 4 / 10, rang.samples().length + " samples");
        sipdesk.media.tone.Goertzel g = new sipdesk.media.tone.Goertzel(1500, 48000);
        short[] s = rang.samples();
        assertTrue(g.power(s, 4800, 9600) > 0.9 * sipdesk.media.tone.Goertzel.meanSquare(s, 4800, 9600));
    }
}
