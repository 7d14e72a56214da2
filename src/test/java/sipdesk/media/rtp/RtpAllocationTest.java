package sipdesk.media.rtp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sipdesk.media.audio.FrameClock;

/** STYLE.md rule 8 across the sockets: sending, receiving and the receiver threads allocate nothing per packet. */
class RtpAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedByThisAndReceivers(List<Long> receivers) {
        long sum = THREADS.getCurrentThreadAllocatedBytes();
        for (long id : receivers) sum += Math.max(0, THREADS.getThreadAllocatedBytes(id));
        return sum;
    }

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
            Thread.sleep(100);
            List<Long> receivers = new ArrayList<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals("rtp-rx-" + pair.a.localPort()) || t.getName().equals("rtp-rx-" + pair.b.localPort())) {
                    receivers.add(t.threadId());
                }
            }
            assertTrue(receivers.size() == 2, "receiver threads " + receivers);
            long before = allocatedByThisAndReceivers(receivers);
            run(pair, 400);
            Thread.sleep(100);
            long allocated = allocatedByThisAndReceivers(receivers) - before;
            // 1600 packets sent and received; one small object each would be over 25 kB.
            assertTrue(allocated < 4096, allocated + " bytes for 1600 packets");
        }
    }
}
