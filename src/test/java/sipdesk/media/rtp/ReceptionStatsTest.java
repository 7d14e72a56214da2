package sipdesk.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReceptionStatsTest {

    @Test
    void sequenceWrapIsNotLoss() {
        ReceptionStats s = new ReceptionStats();
        int[] seqs = {65533, 65534, 65535, 0, 1, 2};
        for (int i = 0; i < seqs.length; i++) s.received(7, seqs[i], 160L * i, 20_000_000L * i);
        assertEquals(6, s.expected());
        assertEquals(0, s.lost());
        assertEquals(65536 + 2, s.extendedHighest());
    }

    @Test
    void gapsAreLostAndReorderingIsNot() {
        ReceptionStats s = new ReceptionStats();
        int[] seqs = {10, 12, 11, 14, 15};
        for (int seq : seqs) s.received(7, seq, 160L * seq, 20_000_000L * seq);
        assertEquals(6, s.expected());
        assertEquals(1, s.lost());
        assertEquals(1 * 256 / 6, s.fractionLostSinceLastReport());
        assertEquals(0, s.fractionLostSinceLastReport());
    }

    @Test
    void steadyArrivalsHaveNoJitterAndLateOnesDo() {
        ReceptionStats s = new ReceptionStats();
        for (int i = 0; i < 50; i++) s.received(7, i, 160L * i, 20_000_000L * i);
        assertEquals(0, s.jitterTicks());
        for (int i = 50; i < 100; i++) s.received(7, i, 160L * i, 20_000_000L * i + (i % 2) * 10_000_000L);
        assertEquals(80, s.jitterTicks(), 8); // alternating 10 ms (80 ticks) deviations
    }

    @Test
    void newSsrcStartsAfresh() {
        ReceptionStats s = new ReceptionStats();
        for (int i = 0; i < 10; i++) s.received(7, i, 0, 0);
        s.received(8, 5000, 0, 0);
        assertEquals(1, s.expected());
        assertEquals(8, s.ssrc());
    }
}
