package sipdesk.media.rtp;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Instant;

/**
 * Holds the kernel's receive stamping on for a test. Linux stamps arriving packets only while some
 * socket asks for stamps, and switches that on from a work queue, a moment after the first socket
 * asks: a packet sent at once may arrive unstamped, and its stamp is then the time it is read. A test
 * of arrival times first waits (bounded) until a packet keeps its arrival time, then holds the socket
 * that asked until it ends.
 */
final class KernelStamping implements AutoCloseable {

    private static final long WAIT_NANOS = 5_000_000_000L;
    private static final long HELD_NANOS = 5_000_000L;

    private final DatagramChannel receiver;
    private final DatagramChannel sender;
    private final BatchReceive reader;

    private KernelStamping() throws IOException {
        receiver = DatagramChannel.open(StandardProtocolFamily.INET);
        sender = DatagramChannel.open(StandardProtocolFamily.INET);
        receiver.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        reader = BatchReceive.open(receiver, 1, 16);
    }

    static KernelStamping on() throws IOException {
        KernelStamping stamping = new KernelStamping();
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            stamping.sender.send(ByteBuffer.wrap(new byte[] {1}), stamping.receiver.getLocalAddress());
            long sent = System.nanoTime();
            while (System.nanoTime() - sent < HELD_NANOS) Thread.onSpinWait();
            int count = 0;
            while (count == 0 && System.nanoTime() < deadline) count = stamping.reader.receive();
            Instant now = Instant.now();
            long age = now.getEpochSecond() * 1_000_000_000L + now.getNano() - stamping.reader.stampNanos(0);
            if (count == 1 && age >= HELD_NANOS / 2) return stamping;
        }
        stamping.close();
        fail("the kernel did not stamp arriving packets within " + WAIT_NANOS / 1_000_000_000L + " s");
        return null;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        receiver.close();
        sender.close();
    }
}
