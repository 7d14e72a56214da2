package sipdesk.media.jitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sipdesk.media.jitter.Playout.FRAME_NANOS;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JitterBufferTest {

    private static final long MS = 1_000_000L;
    private static final long SSRC = 0xCAFEBABEL;

    /** {@code count} packets sent every 20 ms from t=0, arriving after {@code delayMs}. */
    private static Playout steadyStream(int count, long delayMs) {
        Playout playout = new Playout();
        for (int i = 0; i < count; i++) {
            playout.send(SSRC, 1000, 5000, i, i * FRAME_NANOS + delayMs * MS);
        }
        return playout;
    }

    private static void assertInOrder(List<Integer> played) {
        for (int i = 1; i < played.size(); i++) {
            assertTrue(played.get(i) > played.get(i - 1), "out of order at " + i + ": " + played);
        }
    }

    @Test
    void steadyStreamPlaysEveryFrameInOrderWithinOneFrameOfArrival() {
        Playout playout = steadyStream(500, 30).run(7 * MS, FRAME_NANOS, 500 * FRAME_NANOS);
        assertEquals(IntStream.range(0, 497).boxed().toList(), playout.playedPackets().subList(0, 497));
        assertEquals(0, playout.count(JitterBuffer.CONCEAL));
        assertTrue(playout.maxWaitMs() <= 20, "waited " + playout.maxWaitMs() + " ms");
        assertEquals(20, playout.buffer.targetDelayMs());
    }

    @Test
    void eachLostPacketIsConcealedOnce() {
        Playout playout = new Playout();
        Random random = new Random(5);
        Set<Integer> lost = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            if (i > 5 && i < 990 && random.nextInt(20) == 0) {
                lost.add(i);
            } else {
                playout.send(SSRC, 1000, 5000, i, i * FRAME_NANOS + 30 * MS);
            }
        }
        playout.run(7 * MS, FRAME_NANOS, 1000 * FRAME_NANOS);
        assertTrue(lost.size() > 30);
        JitterStats stats = playout.buffer.stats();
        assertEquals(lost.size(), stats.expected() - stats.received(), "RTCP's count of lost packets");
        assertEquals(lost.size(), playout.count(JitterBuffer.CONCEAL));
        assertEquals(1000 - lost.size() - 2, playout.playedPackets().size(), "all the others play");
        assertInOrder(playout.playedPackets());
    }

    @Test
    void burstOfThreeLostPacketsIsThreeConcealedFrames() {
        Playout playout = new Playout();
        for (int i = 0; i < 200; i++) {
            if (i < 100 || i > 102) {
                playout.send(SSRC, 1000, 5000, i, i * FRAME_NANOS + 30 * MS);
            }
        }
        playout.run(7 * MS, FRAME_NANOS, 200 * FRAME_NANOS);
        assertEquals(3, playout.count(JitterBuffer.CONCEAL));
        assertEquals(0, playout.buffer.stats().resets());
    }

    @Test
    void longBurstIsConcealedFor60MsThenSilentThenPlaysOn() {
        Playout playout = new Playout();
        for (int i = 0; i < 200; i++) {
            if (i < 100 || i >= 110) {
                playout.send(SSRC, 1000, 5000, i, i * FRAME_NANOS + 30 * MS);
            }
        }
        playout.run(7 * MS, FRAME_NANOS, 200 * FRAME_NANOS);
        assertEquals(3, playout.count(JitterBuffer.CONCEAL));
        assertTrue(playout.playedPackets().containsAll(IntStream.range(110, 195).boxed().toList()));
        assertTrue(playout.maxWaitMs() <= 40);
    }

    @Test
    void reorderedPairsAllPlayInOrder() {
        Playout playout = new Playout();
        for (int i = 0; i < 500; i++) {
            // Every 10th pair swaps: the even one arrives 25 ms late, after its successor.
            long extra = i % 20 == 10 ? 25 * MS : 0;
            playout.send(SSRC, 1000, 5000, i, i * FRAME_NANOS + 30 * MS + extra);
        }
        playout.run(7 * MS, FRAME_NANOS, 500 * FRAME_NANOS);
        List<Integer> played = playout.playedPackets();
        assertInOrder(played);
        // The first swaps may come before the buffer has grown; after that none is lost.
        assertTrue(played.containsAll(IntStream.range(100, 495).boxed().toList()), played.toString());
        assertTrue(playout.buffer.targetDelayMs() <= 60);
    }

    @Test
    void duplicatesAreDroppedAndPlayOnce() {
        Playout playout = steadyStream(300, 30);
        for (int i = 0; i < 300; i += 7) {
            playout.send(SSRC, 1000, 5000, i, i * FRAME_NANOS + 31 * MS);
        }
        playout.run(7 * MS, FRAME_NANOS, 300 * FRAME_NANOS);
        assertEquals(43, playout.count(Arrival.DUPLICATE));
        assertEquals(new HashSet<>(playout.playedPackets()).size(), playout.playedPackets().size());
        assertEquals(0, playout.count(JitterBuffer.CONCEAL));
    }

    @Test
    void jitterGrowsTheDelayToKeepLatePacketsRare() {
        Playout playout = new Playout();
        Random random = new Random(42);
        int count = 3000;
        for (int i = 0; i < count; i++) {
            playout.send(SSRC, 1000, 5000, i, i * FRAME_NANOS + 20 * MS + random.nextInt(60) * MS);
        }
        playout.run(7 * MS, FRAME_NANOS, count * FRAME_NANOS);
        JitterStats stats = playout.buffer.stats();
        assertEquals(20, stats.jitterMs(), 4, "RFC 3550 jitter of a 0..60 ms spread");
        int target = playout.buffer.targetDelayMs();
        assertTrue(target >= 60 && target <= 120, "target " + target);
        assertTrue(stats.late() < count / 50, "late: " + stats.late());
        assertTrue(playout.maxWaitMs() <= 200, "waited " + playout.maxWaitMs());
        assertInOrder(playout.playedPackets());
    }

    @Test
    void delayNeverExceeds200MsEvenOnAVeryJitteryNetwork() {
        Playout playout = new Playout();
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            playout.send(SSRC, 1000, 5000, i, i * FRAME_NANOS + random.nextInt(400) * MS);
        }
        playout.run(7 * MS, FRAME_NANOS, 2000 * FRAME_NANOS);
        assertEquals(200, playout.buffer.targetDelayMs());
        assertTrue(playout.maxWaitMs() <= 220, "waited " + playout.maxWaitMs());
    }

    @Test
    void fastSenderClockIsAbsorbedByDroppingFrames() {
        // The sender's clock runs 0.5 % fast: 15 extra frames a minute.
        Playout playout = new Playout();
        int count = 3015;
        for (int i = 0; i < count; i++) {
            playout.send(SSRC, 1000, 5000, i, Math.round(i * FRAME_NANOS / 1.005) + 30 * MS);
        }
        playout.run(7 * MS, FRAME_NANOS, 3000 * FRAME_NANOS);
        JitterStats stats = playout.buffer.stats();
        assertTrue(stats.dropped() >= 12 && stats.dropped() <= 17, "dropped " + stats.dropped());
        assertTrue(playout.maxWaitMs() <= 60, "waited " + playout.maxWaitMs());
        assertEquals(0, playout.count(JitterBuffer.CONCEAL));
    }

    @Test
    void slowSenderClockIsAbsorbedWithoutGrowingSilence() {
        Playout playout = new Playout();
        int count = 2985;
        for (int i = 0; i < count; i++) {
            playout.send(SSRC, 1000, 5000, i, Math.round(i * FRAME_NANOS * 1.005) + 30 * MS);
        }
        playout.run(7 * MS, FRAME_NANOS, 3000 * FRAME_NANOS);
        JitterStats stats = playout.buffer.stats();
        // About 15 frames must be made up: concealment, not silence, and nothing lost.
        assertTrue(playout.count(JitterBuffer.CONCEAL) <= 20, "concealed " + playout.count(JitterBuffer.CONCEAL));
        assertEquals(0, stats.late());
        assertTrue(playout.playedPackets().size() >= count - 3);
    }

    @Test
    void sequenceAndTimestampWrapPassUnnoticed() {
        Playout playout = new Playout();
        for (int i = 0; i < 300; i++) {
            playout.send(SSRC, 65500, 0xFFFFFFFFL - 160L * 100, i, i * FRAME_NANOS + 30 * MS);
        }
        playout.run(7 * MS, FRAME_NANOS, 300 * FRAME_NANOS);
        assertEquals(0, playout.buffer.stats().resets());
        // The run ends before the last two packets arrive: 298 sent so far, counted across the wrap.
        assertEquals(298, playout.buffer.stats().expected());
        assertEquals(298, playout.buffer.stats().received());
        assertEquals(0, playout.count(JitterBuffer.CONCEAL));
        assertEquals(IntStream.range(0, 297).boxed().toList(), playout.playedPackets().subList(0, 297));
    }

    @Test
    void newSsrcRestartsTheBuffer() {
        Playout playout = new Playout();
        for (int i = 0; i < 100; i++) {
            playout.send(SSRC, 1000, 5000, i, i * FRAME_NANOS + 30 * MS);
        }
        for (int i = 100; i < 200; i++) {
            // A new source (after a transfer, say) with its own random sequence and timestamp base.
            playout.send(0x1234L, 40000 - 100, 987654321L - 16000, i, i * FRAME_NANOS + 30 * MS);
        }
        playout.run(7 * MS, FRAME_NANOS, 200 * FRAME_NANOS);
        assertEquals(1, playout.buffer.stats().resets());
        assertEquals(1, playout.count(Arrival.STORED_AFTER_RESET) - 1, "first packet, then the new SSRC");
        assertTrue(playout.playedPackets().containsAll(IntStream.range(100, 197).boxed().toList()));
    }

    @Test
    void packetArrivingAfterItsTurnIsDroppedAsLate() {
        Playout playout = steadyStream(100, 30);
        List<Playout.Packet> kept = new ArrayList<>(playout.packets);
        kept.removeIf(p -> p.index() == 50);
        playout.packets.clear();
        playout.packets.addAll(kept);
        playout.send(SSRC, 1000, 5000, 50, 50 * FRAME_NANOS + 130 * MS);
        playout.run(7 * MS, FRAME_NANOS, 100 * FRAME_NANOS);
        assertEquals(1, playout.count(Arrival.LATE));
        assertEquals(1, playout.count(JitterBuffer.CONCEAL));
        assertTrue(!playout.playedPackets().contains(50));
    }

    @Test
    void talkSpurtAfterSilenceSuppressionResumesWithoutConcealingTheGap() {
        Playout playout = new Playout();
        for (int i = 0; i < 300; i++) {
            if (i < 100 || i >= 200) { // 2 s of no packets, timestamps run on (RFC 3551 section 4.1)
                playout.send(SSRC, 1000, 5000, i, i * FRAME_NANOS + 30 * MS);
            }
        }
        playout.run(7 * MS, FRAME_NANOS, 300 * FRAME_NANOS);
        assertTrue(playout.count(JitterBuffer.CONCEAL) <= 3);
        assertTrue(playout.playedPackets().containsAll(IntStream.range(200, 297).boxed().toList()));
        assertTrue(playout.maxWaitMs() <= 40);
    }

    @Test
    void nothingReceivedIsSilence() {
        JitterBuffer buffer = JitterBuffer.forTwentyMsFrames(8000, 160);
        assertEquals(JitterBuffer.SILENCE, buffer.get(new byte[160], 0));
    }

    @Test
    void oversizedPayloadIsRefused() {
        JitterBuffer buffer = JitterBuffer.forTwentyMsFrames(8000, 160);
        assertEquals(Arrival.TOO_LARGE, buffer.put(1, 1, 1, new byte[161], 0, 161, 0));
    }
}
