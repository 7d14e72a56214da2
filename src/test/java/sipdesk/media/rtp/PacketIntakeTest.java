package sipdesk.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A frame's intake, by recvmmsg or by NIO: the same packets, sources and arrival times. */
class PacketIntakeTest {

    private static final long GAP_NANOS = 100_000_000L;
    /** Slack for the two clocks' comparison, half a preemption of the thread between its reads at most. */
    private static final long CLOCKS_NANOS = 10_000_000L;

    private record Received(int length, byte first, InetSocketAddress from, long arrival) {
    }

    private static void spin(long nanos) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < nanos) Thread.onSpinWait(); // the packet waits in the socket, as between two frames
    }

    @ParameterizedTest(name = "batched={0}")
    @ValueSource(booleans = {true, false})
    void packetsReadAFrameLaterAreDatedWhenTheyArrivedAndNoneAfterClose(boolean batched) throws Exception {
        try (KernelStamping stamping = KernelStamping.on();
             DatagramChannel channel = DatagramChannel.open(); DatagramChannel sender = DatagramChannel.open()) {
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            sender.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            List<Received> received = new ArrayList<>();
            SilenceWatch silence = new SilenceWatch();
            PacketIntake intake = new PacketIntake(() -> false, channel, silence, "test", (packet, length, from, now) ->
                    received.add(new Received(length, packet[0], from, now)), batched);
            assertEquals(batched, intake.batched(), "recvmmsg serves here (Linux, the test JVM exports sun.nio.ch)");
            assertEquals(0, intake.takeIn());

            long beforeFirst = System.nanoTime();
            sender.send(ByteBuffer.wrap(new byte[] {1, 2, 3}), channel.getLocalAddress());
            long afterFirst = System.nanoTime();
            spin(GAP_NANOS / 2);
            long beforeSecond = System.nanoTime();
            sender.send(ByteBuffer.wrap(new byte[] {4, 5, 6, 7}), channel.getLocalAddress());
            long afterSecond = System.nanoTime();
            spin(GAP_NANOS / 2);
            long frame = System.nanoTime();
            int taken = 0;
            for (int i = 0; i < 1000 && taken < 2; i++) taken += intake.takeIn();

            assertEquals(2, taken);
            assertEquals(List.of(3, 4), received.stream().map(Received::length).toList());
            assertEquals(List.of((byte) 1, (byte) 4), received.stream().map(Received::first).toList());
            assertEquals(sender.getLocalAddress(), received.get(0).from());
            long first = received.get(0).arrival();
            long second = received.get(1).arrival();
            assertTrue(first >= beforeFirst - CLOCKS_NANOS && first <= afterFirst + GAP_NANOS / 4,
                    "first dated " + (frame - first) / 1e6 + " ms before the frame; sent " + (frame - afterFirst) / 1e6 + " ms before");
            assertTrue(second >= beforeSecond - CLOCKS_NANOS && second <= afterSecond + GAP_NANOS / 4,
                    "second dated " + (frame - second) / 1e6 + " ms before the frame; sent " + (frame - afterSecond) / 1e6 + " ms before");
            assertTrue(silence.silentMillis(System.nanoTime()) < 1000, "the peer counts as heard");

            intake.close();
            assertFalse(channel.isOpen(), "closing the intake closes its socket");
            assertEquals(0, intake.takeIn(), "a closed intake reads nothing (its descriptor may be another socket's now)");
        }
    }
}
