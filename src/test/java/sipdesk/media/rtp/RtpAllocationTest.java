package sipdesk.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import sipdesk.media.audio.FrameClock;

/**
 * STYLE.md rule 8 across the sockets: sending and receiving allocate nothing per packet. Both happen on
 * the thread that runs the frames (RTP is taken in by the device-clock thread, no receiver thread).
 */
class RtpAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static void run(LoopbackPair pair, int frames) {
        short[] pcm = new short[pair.a.frameSamples()];
        FrameClock clock = new FrameClock(5); // four times real time: the figure is per packet, not per second
        for (int i = 0; i < frames; i++) {
            clock.awaitNextFrame();
            pcm[i % pcm.length] = (short) i;
            pair.a.sendFrame(pcm, 0);
            pair.b.sendFrame(pcm, 0);
            pair.a.receiveFrame(pcm, 0);
            pair.b.receiveFrame(pcm, 0);
        }
    }

    @Test
    void aStreamBothWaysAllocatesNothingPerPacket() throws Exception {
        try (LoopbackPair pair = new LoopbackPair("G722", 9, 5000)) {
            run(pair, 300);
            long before = THREADS.getCurrentThreadAllocatedBytes();
            long receivedBefore = pair.a.stats().packetsReceived() + pair.b.stats().packetsReceived();
            run(pair, 400);
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            long received = pair.a.stats().packetsReceived() + pair.b.stats().packetsReceived() - receivedBefore;
            assertTrue(received >= 700, received + " packets taken in of 800 sent");
            // 1600 packets sent and received; one small object each would be over 25 kB.
            assertTrue(allocated < 4096, allocated + " bytes for 1600 packets");
        }
    }

    @Test
    void aFloodIsTakenInTenPacketsAFrameAndTheRestWaitsInTheSocket() throws Exception {
        try (LoopbackPair pair = new LoopbackPair("PCMU", 0, 5000);
             java.nio.channels.DatagramChannel flood = java.nio.channels.DatagramChannel.open()) {
            byte[] packet = new byte[RtpPacket.HEADER_BYTES + 160];
            var target = new java.net.InetSocketAddress("127.0.0.1", pair.b.localPort());
            for (int i = 0; i < 25; i++) {
                RtpPacket.writeHeader(packet, i == 0, 0, i, 160L * i, 0x1234);
                flood.send(java.nio.ByteBuffer.wrap(packet), target);
            }
            pair.b.receivePackets();
            assertEquals(PacketIntake.MOST_PER_FRAME, pair.b.stats().packetsReceived(), "one frame takes in at most ten");
            pair.b.receivePackets();
            pair.b.receivePackets();
            assertEquals(25, pair.b.stats().packetsReceived(), "the rest in the next frames, none lost");
        }
    }

    @Test
    void noThreadWaitsForRtp() throws Exception {
        try (LoopbackPair pair = new LoopbackPair("PCMU", 0, 5000)) {
            run(pair, 10);
            List<String> rtpThreads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(n -> n.equals("rtp-rx-" + pair.a.localPort()) || n.equals("rtp-rx-" + pair.b.localPort()))
                    .toList();
            assertEquals(List.of(), rtpThreads);
            assertTrue(pair.b.stats().packetsReceived() >= 5, pair.b.stats().toString());
        }
    }
}
