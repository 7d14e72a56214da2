package sipdesk.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import sipdesk.media.sdp.MediaDirection;
import sipdesk.media.sdp.MediaPlan;
import sipdesk.media.tone.Goertzel;

class RtpSessionTest {

    /** Side B hears A's tone: the share of 20 ms frames (after the first second) where 1 kHz dominates. */
    private static final class Listener implements LoopbackPair.Side {
        final Goertzel tone;
        int frames;
        int toneFrames;

        Listener(double hz, int rate) {
            tone = new Goertzel(hz, rate);
        }

        @Override
        public void fill(int frame, short[] pcm) {
            java.util.Arrays.fill(pcm, (short) 0);
        }

        @Override
        public void heard(int frame, short[] pcm) {
            if (frame < 50) return;
            frames++;
            double all = Goertzel.meanSquare(pcm, 0, pcm.length);
            if (all > 1e5 && tone.power(pcm, 0, pcm.length) > 0.8 * all) toneFrames++;
        }
    }

    @Test
    void voiceCrossesLoopbackIntactWithEvenPortsAndRtcpNextToThem() throws IOException {
        try (LoopbackPair pair = new LoopbackPair("PCMU", 0, 5000)) {
            assertEquals(0, pair.a.localPort() % 2);
            Listener atB = new Listener(1000, 8000);
            pair.run(150, LoopbackPair.sine(1000, 8000), atB);
            assertTrue(atB.toneFrames >= atB.frames - 2, atB.toneFrames + " of " + atB.frames);
            CallStats stats = pair.b.stats();
            assertTrue(stats.packetsReceived() >= 145, stats.toString());
            assertEquals(0, stats.packetsLost(), stats.toString());
            assertTrue(stats.mos() > 4.0, stats.toString());
        }
    }

    @Test
    void wideBandVoiceCrossesLoopback() throws IOException {
        try (LoopbackPair pair = new LoopbackPair("G722", 9, 5000)) {
            Listener atB = new Listener(5000, 16000);
            pair.run(120, LoopbackPair.sine(5000, 16000), atB);
            assertTrue(atB.toneFrames >= atB.frames - 2, atB.toneFrames + " of " + atB.frames);
        }
    }

    @Test
    void lossAndReorderingInTheSenderAreCountedAndConcealed() throws IOException {
        try (LoopbackPair pair = new LoopbackPair("PCMU", 0, 5000)) {
            pair.a.impair(seq -> seq % 10 == 3 ? SendImpairment.Verdict.DROP
                    : seq % 10 == 6 ? SendImpairment.Verdict.DELAY : SendImpairment.Verdict.SEND);
            Listener atB = new Listener(1000, 8000);
            pair.run(200, LoopbackPair.sine(1000, 8000), atB);
            CallStats stats = pair.b.stats();
            assertTrue(stats.lossPercent() > 8 && stats.lossPercent() < 12, stats.toString());
            // Reordered packets still play (jitter buffer), lost ones are concealed: the tone goes on.
            assertTrue(atB.toneFrames >= atB.frames * 0.85, atB.toneFrames + " of " + atB.frames);
            assertTrue(stats.mos() < pair.a.stats().mos(), stats + " vs " + pair.a.stats());
        }
    }

    @Test
    void dtmfTravelsBothWaysOncePerDigit() throws IOException {
        try (LoopbackPair pair = new LoopbackPair("PCMU", 0, 5000)) {
            for (char c : "123#".toCharArray()) assertTrue(pair.a.sendDtmf(c));
            assertTrue(pair.b.sendDtmf('9'));
            assertTrue(pair.b.sendDtmf('9'));
            pair.run(100, LoopbackPair.sine(1000, 8000), LoopbackPair.sine(500, 8000));
            assertEquals(List.of('1', '2', '3', '#'), pair.digitsAtB);
            assertEquals(List.of('9', '9'), pair.digitsAtA);
        }
    }

    @Test
    void symmetricRtpAnswersWhereThePeersPacketsComeFrom() throws IOException {
        try (LoopbackPair pair = new LoopbackPair("PCMU", 0, 5000)) {
            // B's SDP names a port nobody listens on (a NAT rewrote it); A's packets show the real one.
            pair.b.apply(LoopbackPair.plan("PCMU", 0, pair.a.localPort() + 100 & ~1));
            Listener atA = new Listener(500, 8000);
            pair.run(100, new Listener(1000, 8000), LoopbackPair.sine(500, 8000));
            assertEquals(new InetSocketAddress(InetAddress.getLoopbackAddress(), pair.a.localPort()), pair.b.sendTarget());
            pair.run(100, atA, LoopbackPair.sine(500, 8000));
            assertTrue(atA.toneFrames > 40, atA.toneFrames + " of " + atA.frames);
        }
    }

    @Test
    void rtcpReportsGiveRoundTripAndThePeersView() throws IOException {
        try (LoopbackPair pair = new LoopbackPair("PCMU", 0, 200)) {
            pair.a.impair(seq -> seq % 5 == 0 ? SendImpairment.Verdict.DROP : SendImpairment.Verdict.SEND);
            pair.run(150, LoopbackPair.sine(1000, 8000), LoopbackPair.sine(500, 8000));
            CallStats a = pair.a.stats();
            assertTrue(a.rttMs() >= 0 && a.rttMs() < 50, a.toString());
            assertTrue(a.remoteLossPercent() > 10, a.toString()); // B told A it lost ~20%
        }
    }

    @Test
    void holdStopsSendingAndResumeStartsATalkspurt() throws IOException {
        try (LoopbackPair pair = new LoopbackPair("PCMU", 0, 5000)) {
            pair.run(20, LoopbackPair.sine(1000, 8000), LoopbackPair.sine(500, 8000));
            long before = pair.a.stats().packetsSent();
            pair.a.apply(new MediaPlan("127.0.0.1", pair.b.localPort(), "PCMU", 0, 8000, 101, MediaDirection.RECVONLY, 20));
            pair.run(20, LoopbackPair.sine(1000, 8000), LoopbackPair.sine(500, 8000));
            assertEquals(before, pair.a.stats().packetsSent());
            assertTrue(!pair.a.sendDtmf('x'));
        }
    }

    @Test
    void peersNewSsrcRestartsTheStream() throws IOException {
        try (LoopbackPair pair = new LoopbackPair("PCMU", 0, 5000);
             RtpSession c = RtpSession.open(RtpSettings.on(InetAddress.getLoopbackAddress()), d -> { })) {
            pair.run(50, LoopbackPair.sine(1000, 8000), LoopbackPair.sine(500, 8000));
            pair.a.close();
            c.apply(LoopbackPair.plan("PCMU", 0, pair.b.localPort()));
            short[] pcm = new short[160];
            short[] heard = new short[160];
            LoopbackPair.Side tone = LoopbackPair.sine(1500, 8000);
            Goertzel g = new Goertzel(1500, 8000);
            double last = 0;
            sipdesk.media.audio.FrameClock clock = new sipdesk.media.audio.FrameClock(20);
            for (int i = 0; i < 60; i++) {
                clock.awaitNextFrame();
                tone.fill(i, pcm);
                c.sendFrame(pcm, 0);
                pair.b.receiveFrame(heard, 0);
                last = g.power(heard, 0, 160) / Math.max(1, Goertzel.meanSquare(heard, 0, 160));
            }
            assertTrue(last > 0.8, "B plays the new source: " + last);
        }
    }

    @Test
    void peerSendingSixtyMsPacketsIsPlayedFrameByFrame() throws Exception {
        try (RtpSession b = RtpSession.open(RtpSettings.on(InetAddress.getLoopbackAddress()), d -> { });
             java.nio.channels.DatagramChannel peer = java.nio.channels.DatagramChannel.open()) {
            peer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int peerPort = ((InetSocketAddress) peer.getLocalAddress()).getPort();
            b.apply(LoopbackPair.plan("PCMU", 0, peerPort));
            sipdesk.media.codec.AudioCodec codec = sipdesk.media.codec.G711Codec.pcmu();
            short[] pcm = new short[480];
            byte[] packet = new byte[12 + 480];
            short[] heard = new short[160];
            Goertzel tone = new Goertzel(1000, 8000);
            sipdesk.media.audio.FrameClock clock = new sipdesk.media.audio.FrameClock(20);
            long n = 0;
            int toneFrames = 0;
            for (int f = 0; f < 150; f++) {
                clock.awaitNextFrame();
                if (f % 3 == 0) {
                    for (int i = 0; i < 480; i++, n++) pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 1000 * n / 8000));
                    RtpPacket.writeHeader(packet, f == 0, 0, f / 3, 160L * f, 42);
                    codec.encode(pcm, 0, 480, packet, 12);
                    peer.send(java.nio.ByteBuffer.wrap(packet), new InetSocketAddress(InetAddress.getLoopbackAddress(), b.localPort()));
                }
                b.receiveFrame(heard, 0);
                double all = Goertzel.meanSquare(heard, 0, 160);
                if (f >= 30 && all > 1e5 && tone.power(heard, 0, 160) > 0.8 * all) toneFrames++;
            }
            assertTrue(toneFrames >= 115, toneFrames + " of 120 frames");
        }
    }

    @Test
    void markerBitStartsEachTalkspurtAndSequenceAndTimestampRunOn() throws Exception {
        try (RtpSession a = RtpSession.open(RtpSettings.on(InetAddress.getLoopbackAddress()), d -> { });
             java.nio.channels.DatagramChannel peer = java.nio.channels.DatagramChannel.open()) {
            peer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int peerPort = ((InetSocketAddress) peer.getLocalAddress()).getPort();
            MediaPlan talking = LoopbackPair.plan("PCMU", 0, peerPort);
            a.apply(talking);
            short[] pcm = new short[160];
            for (int i = 0; i < 3; i++) a.sendFrame(pcm, 0);
            a.apply(new MediaPlan("127.0.0.1", peerPort, "PCMU", 0, 8000, 101, MediaDirection.RECVONLY, 20));
            a.sendFrame(pcm, 0); // held: nothing sent, the clock runs on
            a.apply(talking);
            a.sendFrame(pcm, 0);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1500);
            boolean[] markers = new boolean[4];
            int[] seqs = new int[4];
            long[] stamps = new long[4];
            for (int i = 0; i < 4; i++) {
                buffer.clear();
                peer.receive(buffer);
                markers[i] = RtpPacket.marker(buffer.array());
                seqs[i] = RtpPacket.sequence(buffer.array());
                stamps[i] = RtpPacket.timestamp(buffer.array());
                assertEquals(a.ssrc(), RtpPacket.ssrc(buffer.array()));
            }
            assertEquals(List.of(true, false, false, true), List.of(markers[0], markers[1], markers[2], markers[3]));
            assertEquals((seqs[0] + 3) & 0xFFFF, seqs[3]); // no gap in sequence numbers for the held frame
            assertEquals((stamps[0] + 4 * 160) & 0xFFFFFFFFL, stamps[3]); // but the timestamp counts it
        }
    }

    @Test
    void reInviteSwitchingCodecMidCallKeepsTheVoiceGoing() throws IOException {
        try (LoopbackPair pair = new LoopbackPair("PCMU", 0, 5000)) {
            pair.run(50, LoopbackPair.sine(1000, 8000), new Listener(1000, 8000));
            pair.a.apply(LoopbackPair.plan("G722", 9, pair.b.localPort()));
            pair.b.apply(LoopbackPair.plan("G722", 9, pair.a.localPort()));
            assertEquals(320, pair.a.frameSamples());
            Listener atB = new Listener(5000, 16000);
            pair.run(100, LoopbackPair.sine(5000, 16000), atB);
            assertTrue(atB.toneFrames >= atB.frames - 3, atB.toneFrames + " of " + atB.frames);
        }
    }

    @Test
    void closingSendsAnRtcpBye() throws Exception {
        try (java.nio.channels.DatagramChannel peerRtcp = java.nio.channels.DatagramChannel.open()) {
            peerRtcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int rtcpPort = ((InetSocketAddress) peerRtcp.getLocalAddress()).getPort();
            RtpSession a = RtpSession.open(RtpSettings.on(InetAddress.getLoopbackAddress()), d -> { });
            a.apply(LoopbackPair.plan("PCMU", 0, rtcpPort - 1));
            a.close();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1500);
            peerRtcp.receive(buffer);
            byte[] bytes = buffer.array();
            int at = 0;
            int lastType = 0;
            while (at < buffer.position()) {
                lastType = bytes[at + 1] & 0xFF;
                at += 4 + 4 * RtpPacket.getShort(bytes, at + 2);
            }
            assertEquals(buffer.position(), at);
            assertEquals(RtcpReports.RR, bytes[1] & 0xFF);
            assertEquals(RtcpReports.BYE, lastType);
        }
    }
}
