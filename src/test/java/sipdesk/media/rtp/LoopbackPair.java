package sipdesk.media.rtp;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import sipdesk.media.audio.FrameClock;
import sipdesk.media.sdp.MediaDirection;
import sipdesk.media.sdp.MediaPlan;

/** Two of our sessions on 127.0.0.1 talking to each other, driven frame by frame in real time. */
final class LoopbackPair implements AutoCloseable {

    final RtpSession a;
    final RtpSession b;
    final List<Character> digitsAtA = new CopyOnWriteArrayList<>();
    final List<Character> digitsAtB = new CopyOnWriteArrayList<>();

    LoopbackPair(String codec, int payloadType, int rtcpIntervalMs) throws IOException {
        RtpSettings settings = RtpSettings.on(InetAddress.getLoopbackAddress()).withRtcpIntervalMs(rtcpIntervalMs);
        a = RtpSession.open(settings, digitsAtA::add);
        b = RtpSession.open(settings, digitsAtB::add);
        a.apply(plan(codec, payloadType, b.localPort()));
        b.apply(plan(codec, payloadType, a.localPort()));
    }

    static MediaPlan plan(String codec, int payloadType, int port) {
        return new MediaPlan("127.0.0.1", port, codec, payloadType, 8000, 101, MediaDirection.SENDRECV, 20);
    }

    /** What one side sends and hears each frame. */
    interface Side {
        void fill(int frame, short[] pcm);

        default void heard(int frame, short[] pcm) {
        }
    }

    /** Runs {@code frames} frames of 20 ms: both send, then both play what they got. */
    void run(int frames, Side sideA, Side sideB) {
        short[] pcmA = new short[a.frameSamples()];
        short[] pcmB = new short[b.frameSamples()];
        FrameClock clock = new FrameClock(20);
        for (int i = 0; i < frames; i++) {
            clock.awaitNextFrame();
            sideA.fill(i, pcmA);
            a.sendFrame(pcmA, 0);
            sideB.fill(i, pcmB);
            b.sendFrame(pcmB, 0);
            a.receiveFrame(pcmA, 0);
            sideA.heard(i, pcmA);
            b.receiveFrame(pcmB, 0);
            sideB.heard(i, pcmB);
        }
    }

    static Side sine(double hz, int sampleRate) {
        return new Side() {
            long n;

            @Override
            public void fill(int frame, short[] pcm) {
                for (int i = 0; i < pcm.length; i++, n++) {
                    pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * hz * n / sampleRate));
                }
            }
        };
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
