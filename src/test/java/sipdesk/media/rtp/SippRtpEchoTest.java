package sipdesk.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.media.audio.FrameClock;
import sipdesk.media.sdp.MediaDirection;
import sipdesk.media.sdp.MediaPlan;
import sipdesk.media.tone.Goertzel;

/**
 * A real peer for RTP (PEERS.md): sipp with {@code -rtp_echo} sends every packet back from its media
 * port, no SIP needed, so our session hears its own stream, events included. Skipped when sipp is not
 * installed.
 */
class SippRtpEchoTest {

    @TempDir
    Path dir;

    @Test
    void sippEchoesOurVoiceAndDtmfBack() throws Exception {
        Path sippBinary = Path.of("/usr/bin/sipp");
        assumeTrue(Files.isExecutable(sippBinary), "sipp is not installed (apt-get install sip-tester)");
        int mediaPort = 20000 + 2 * ThreadLocalRandom.current().nextInt(4000);
        int sipPort = mediaPort + 5;
        Process sipp = new ProcessBuilder(sippBinary.toString(), "-sn", "uas", "-rtp_echo", "-mp", String.valueOf(mediaPort),
                "-i", "127.0.0.1", "-p", String.valueOf(sipPort), "-nostdin", "-timeout", "60s", "-trace_err",
                "-error_file", dir.resolve("sipp.err").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sipp.out").toFile()).start();
        List<Character> digits = new CopyOnWriteArrayList<>();
        try (RtpSession session = RtpSession.open(RtpSettings.on(InetAddress.getLoopbackAddress()), digits::add)) {
            waitForEcho(mediaPort);
            session.apply(new MediaPlan("127.0.0.1", mediaPort, "PCMU", 0, 8000, 101, MediaDirection.SENDRECV, 20));
            short[] pcm = new short[160];
            Goertzel tone = new Goertzel(1000, 8000);
            FrameClock clock = new FrameClock(20);
            int toneFrames = 0;
            long n = 0;
            for (int f = 0; f < 150; f++) {
                clock.awaitNextFrame();
                if (f == 75) session.sendDtmf('7');
                for (int i = 0; i < 160; i++, n++) pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 1000 * n / 8000));
                session.sendFrame(pcm, 0);
                session.receiveFrame(pcm, 0);
                double all = Goertzel.meanSquare(pcm, 0, 160);
                if (f >= 20 && f < 75 && all > 1e5 && tone.power(pcm, 0, 160) > 0.8 * all) toneFrames++;
            }
            assertTrue(toneFrames >= 53, toneFrames + " of 55 frames carried our tone back");
            assertEquals(List.of('7'), digits);
            CallStats stats = session.stats();
            assertTrue(stats.packetsReceived() >= stats.packetsSent() - 5, stats.toString());
            assertEquals(new InetSocketAddress("127.0.0.1", mediaPort), session.sendTarget());
        } finally {
            sipp.destroy();
            sipp.waitFor();
        }
    }

    /** sipp binds its media port a moment after it starts. */
    private static void waitForEcho(int port) throws IOException, InterruptedException {
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            probe.setSoTimeout(100);
            byte[] packet = {(byte) 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 9};
            for (int i = 0; i < 50; i++) {
                probe.send(new java.net.DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), port));
                try {
                    probe.receive(new java.net.DatagramPacket(new byte[64], 64));
                    return;
                } catch (SocketTimeoutException notYet) {
                    Thread.sleep(50);
                }
            }
        }
        throw new IOException("sipp did not echo on port " + port);
    }
}
