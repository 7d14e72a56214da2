package sipdesk.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import sipdesk.media.sdp.MediaDirection;
import sipdesk.media.sdp.MediaPlan;

class SilenceWatchTest {

    private static final long MS = 1_000_000L;

    private static MediaPlan plan(MediaDirection direction) {
        return new MediaPlan("127.0.0.1", 40000, "PCMU", 0, 8000, 101, direction, 20);
    }

    @Test
    void silenceCountsFromTheLastPacketOnABothWayPlan() {
        SilenceWatch w = new SilenceWatch();
        w.plan(plan(MediaDirection.SENDRECV), 1000 * MS);
        assertEquals(500, w.silentMillis(1500 * MS));
        w.heard(1400 * MS);
        assertEquals(100, w.silentMillis(1500 * MS));
    }

    @Test
    void heldCallsAndOneWayPlansAreNeverSilent() {
        SilenceWatch w = new SilenceWatch();
        for (MediaDirection held : new MediaDirection[] {MediaDirection.SENDONLY, MediaDirection.RECVONLY, MediaDirection.INACTIVE}) {
            w.plan(plan(held), 0);
            assertEquals(0, w.silentMillis(120_000 * MS), held.toString());
        }
        w.plan(new MediaPlan("0.0.0.0", 40000, "PCMU", 0, 8000, 101, MediaDirection.SENDRECV, 20), 0); // RFC 2543 hold
        assertEquals(0, w.silentMillis(120_000 * MS));
    }

    @Test
    void aNewPlanStartsTheCountAfresh() {
        SilenceWatch w = new SilenceWatch();
        w.plan(plan(MediaDirection.SENDONLY), 0);
        w.plan(plan(MediaDirection.SENDRECV), 90_000 * MS); // resumed after 90 s on hold
        assertEquals(1000, w.silentMillis(91_000 * MS));
    }
}
