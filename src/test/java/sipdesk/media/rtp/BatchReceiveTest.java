package sipdesk.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** recvmmsg through JNA: what NIO would read, with the source and the kernel's stamp, in batches. */
class BatchReceiveTest {

    private static final long WAIT_NANOS = 5_000_000_000L;

    private record Datagram(byte[] bytes, InetSocketAddress source, long stampNanos) {
    }

    /** Reads until {@code expected} datagrams came (bounded); each read's count is kept in {@code batches}. */
    private static List<Datagram> readAll(BatchReceive reader, int expected, byte[] buffer, List<Integer> batches) {
        List<Datagram> got = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (got.size() < expected && System.nanoTime() < deadline) {
            int count = reader.receive();
            assertTrue(count >= 0, "read failed: errno " + -count);
            if (count > 0) batches.add(count);
            for (int i = 0; i < count; i++) {
                int length = reader.copy(i, buffer);
                got.add(new Datagram(Arrays.copyOf(buffer, length), reader.source(i), reader.stampNanos(i)));
            }
            if (count == 0) Thread.onSpinWait();
        }
        return got;
    }

    private static long realtimeNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static byte[] datagram(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = (byte) (seed * 31 + i);
        return bytes;
    }

    @Test
    void readsWhatWaitsWithItsSourceAndTheKernelsStampInBatchesOfItsSlots() throws Exception {
        try (KernelStamping stamping = KernelStamping.on();
             DatagramChannel receiver = DatagramChannel.open(StandardProtocolFamily.INET);
             DatagramChannel sender = DatagramChannel.open(StandardProtocolFamily.INET)) {
            receiver.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            sender.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (BatchReceive reader = BatchReceive.open(receiver, 4, 1500)) {
                assertEquals(0, reader.receive(), "nothing waits yet");
                int[] lengths = {3, 172, 1400, 12, 172, 172, 40, 1, 172, 99};
                long before = realtimeNanos();
                for (int i = 0; i < lengths.length; i++) {
                    sender.send(ByteBuffer.wrap(datagram(lengths[i], i)), receiver.getLocalAddress());
                }
                long after = realtimeNanos();

                List<Integer> batches = new ArrayList<>();
                List<Datagram> got = readAll(reader, lengths.length, new byte[1500], batches);

                assertEquals(lengths.length, got.size(), "every datagram read");
                assertTrue(batches.stream().allMatch(n -> n <= 4), "at most one per slot in a read: " + batches);
                for (int i = 0; i < lengths.length; i++) {
                    Datagram d = got.get(i);
                    assertArrayEquals(datagram(lengths[i], i), d.bytes(), "datagram " + i + " in order, whole");
                    assertEquals(sender.getLocalAddress(), d.source(), "datagram " + i + "'s source");
                    assertTrue(d.stampNanos() >= before - 1_000_000 && d.stampNanos() <= after + 1_000_000,
                            "datagram " + i + " stamped " + (d.stampNanos() - before) / 1e6 + " ms after the sends began, "
                                    + (after - before) / 1e6 + " ms they took");
                }
                assertSame(got.get(0).source(), got.get(9).source(), "one source, one address object");
                assertEquals(0, reader.receive(), "nothing left");
            }
        }
    }

    @Test
    void aSecondSenderIsASecondSourceALongDatagramIsCutAndAnEmptyOneComesEmpty() throws Exception {
        try (DatagramChannel receiver = DatagramChannel.open(StandardProtocolFamily.INET);
             DatagramChannel first = DatagramChannel.open(StandardProtocolFamily.INET);
             DatagramChannel second = DatagramChannel.open(StandardProtocolFamily.INET)) {
            receiver.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            first.bind(new InetSocketAddress("127.0.0.1", 0));
            second.bind(new InetSocketAddress("127.0.0.2", 0));
            try (BatchReceive reader = BatchReceive.open(receiver, 10, 100)) {
                first.send(ByteBuffer.wrap(datagram(300, 1)), receiver.getLocalAddress());
                second.send(ByteBuffer.wrap(datagram(20, 2)), receiver.getLocalAddress());
                first.send(ByteBuffer.wrap(datagram(20, 3)), receiver.getLocalAddress());
                second.send(ByteBuffer.allocate(0), receiver.getLocalAddress());

                List<Datagram> got = readAll(reader, 4, new byte[1500], new ArrayList<>());

                assertEquals(4, got.size());
                assertEquals(0, got.get(3).bytes().length, "an empty datagram reads as one of length 0");
                assertEquals(second.getLocalAddress(), got.get(3).source());
                assertArrayEquals(Arrays.copyOf(datagram(300, 1), 100), got.get(0).bytes(), "cut to the slot, as NIO cuts it");
                assertEquals(first.getLocalAddress(), got.get(0).source());
                assertEquals(second.getLocalAddress(), got.get(1).source());
                assertEquals(first.getLocalAddress(), got.get(2).source());
                assertNotEquals(got.get(0).source(), got.get(1).source());
            }
        }
    }

    @Test
    void aFailedReadReturnsTheErrorNumberOnceAndTheNextReadGoesOn() throws Exception {
        try (DatagramChannel gone = DatagramChannel.open(StandardProtocolFamily.INET);
             DatagramChannel receiver = DatagramChannel.open(StandardProtocolFamily.INET)) {
            gone.bind(new InetSocketAddress("127.0.0.1", 0));
            InetSocketAddress closedPort = (InetSocketAddress) gone.getLocalAddress();
            gone.close();
            receiver.bind(new InetSocketAddress("127.0.0.1", 0));
            receiver.connect(closedPort); // a connected UDP socket hears the ICMP "port unreachable"
            try (BatchReceive reader = BatchReceive.open(receiver, 4, 1500)) {
                receiver.write(ByteBuffer.wrap(new byte[] {1}));
                int result = 0;
                for (long deadline = System.nanoTime() + WAIT_NANOS; result == 0 && System.nanoTime() < deadline; ) {
                    result = reader.receive();
                    if (result == 0) Thread.onSpinWait();
                }
                assertEquals(-111, result, "ECONNREFUSED as minus its number");
                assertTrue(BatchReceive.describe(111).contains("refused"), BatchReceive.describe(111));
                assertEquals(0, reader.receive(), "reported once; the next read finds the socket empty");
            }
        }
    }

    @Test
    void onAnIpv6SocketSourcesAreIpv6OrIpv4AsNioGivesThem() throws Exception {
        try (DatagramChannel receiver = DatagramChannel.open(StandardProtocolFamily.INET6);
             DatagramChannel six = DatagramChannel.open(StandardProtocolFamily.INET6);
             DatagramChannel four = DatagramChannel.open(StandardProtocolFamily.INET)) {
            try {
                receiver.bind(new InetSocketAddress("::", 0));
                six.bind(new InetSocketAddress("::1", 0));
            } catch (IOException e) {
                assumeTrue(false, "no IPv6 loopback here: " + e);
            }
            four.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) receiver.getLocalAddress()).getPort();
            try (BatchReceive reader = BatchReceive.open(receiver, 10, 1500)) {
                six.send(ByteBuffer.wrap(datagram(10, 1)), new InetSocketAddress("::1", port));
                four.send(ByteBuffer.wrap(datagram(10, 2)), new InetSocketAddress("127.0.0.1", port));

                List<Datagram> got = readAll(reader, 2, new byte[1500], new ArrayList<>());

                assertEquals(2, got.size());
                assertTrue(got.get(0).source().getAddress() instanceof Inet6Address, got.get(0).source().toString());
                assertEquals(six.getLocalAddress(), got.get(0).source());
                assertEquals(four.getLocalAddress(), got.get(1).source(), "an IPv4-mapped source is an IPv4 address");
            }
        }
    }
}
