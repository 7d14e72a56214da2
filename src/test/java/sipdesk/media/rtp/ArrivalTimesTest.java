package sipdesk.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.junit.jupiter.api.Test;

/** A packet read late keeps the time it arrived, not the time the frame took it in. */
class ArrivalTimesTest {

    private static final long GAP_NANOS = 100_000_000L;

    @Test
    void aPacketReadAFrameLaterIsDatedWhenItArrived() throws Exception {
        try (KernelStamping stamping = KernelStamping.on();
             DatagramChannel receiver = DatagramChannel.open(); DatagramChannel sender = DatagramChannel.open()) {
            receiver.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            receiver.configureBlocking(false);
            ArrivalTimes arrivals = ArrivalTimes.of(receiver);
            assertInstanceOf(ArrivalTimes.KernelStamps.class, arrivals, "the test JVM exports sun.nio.ch, as the jar does");

            long beforeSend = System.nanoTime();
            sender.send(ByteBuffer.wrap(new byte[] {1, 2, 3}), receiver.getLocalAddress());
            long afterSend = System.nanoTime();
            while (System.nanoTime() - afterSend < GAP_NANOS) {
                Thread.onSpinWait(); // the packet waits in the socket, as it does between two frames
            }
            long frame = System.nanoTime();
            arrivals.startFrame(frame);
            assertNotNull(receiver.receive(ByteBuffer.allocate(16)));
            long arrival = arrivals.lastDatagram();

            assertTrue(arrival >= beforeSend - 1_000_000, "arrival " + (arrival - beforeSend) + " ns after the send began");
            assertTrue(arrival <= afterSend + GAP_NANOS / 2,
                    "arrival dated " + (frame - arrival) / 1e6 + " ms before the frame; sent " + (frame - afterSend) / 1e6 + " ms before");

            // The next frames reuse the clocks' comparison (made at most once a second): still exact.
            long beforeSecond = System.nanoTime();
            sender.send(ByteBuffer.wrap(new byte[] {4, 5, 6}), receiver.getLocalAddress());
            long afterSecond = System.nanoTime();
            while (System.nanoTime() - afterSecond < GAP_NANOS / 2) Thread.onSpinWait();
            arrivals.startFrame(System.nanoTime());
            assertNotNull(receiver.receive(ByteBuffer.allocate(16)));
            long second = arrivals.lastDatagram();
            assertTrue(second >= beforeSecond - 1_000_000 && second <= afterSecond + GAP_NANOS / 4,
                    "second arrival " + (second - beforeSecond) / 1e6 + " ms after its send began");
        }
    }

    @Test
    void aSocketThatRecvmmsgRefusedKeepsItsStampsForNio() throws Exception {
        try (KernelStamping stamping = KernelStamping.on();
             DatagramChannel receiver = DatagramChannel.open(); DatagramChannel sender = DatagramChannel.open()) {
            receiver.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            receiver.configureBlocking(false);
            assertThrows(UnsupportedOperationException.class, () -> BatchReceive.open(receiver, 10, 1500, "a failed self-check"));
            ArrivalTimes arrivals = ArrivalTimes.of(receiver);

            long beforeSend = System.nanoTime();
            sender.send(ByteBuffer.wrap(new byte[] {1, 2, 3}), receiver.getLocalAddress());
            long afterSend = System.nanoTime();
            while (System.nanoTime() - afterSend < GAP_NANOS) Thread.onSpinWait();
            arrivals.startFrame(System.nanoTime());
            assertNotNull(receiver.receive(ByteBuffer.allocate(16)));
            long arrival = arrivals.lastDatagram();
            // SO_TIMESTAMPNS left on by the refusal would make the kernel drop the stamp ioctl reads:
            // the packet would then be dated by its frame, 100 ms late.
            assertTrue(arrival >= beforeSend - 10_000_000 && arrival <= afterSend + GAP_NANOS / 2,
                    "arrival " + (arrival - beforeSend) / 1e6 + " ms after the send began");
        }
    }

    @Test
    void withoutTheKernelsStampsPacketsAreDatedByTheirFrame() {
        ArrivalTimes frames = new ArrivalTimes.FrameTimes();
        frames.startFrame(123_456_789L);
        assertEquals(123_456_789L, frames.lastDatagram());
    }
}
