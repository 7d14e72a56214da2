package sipdesk.media.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The RTP socket's datagrams, taken in by the device-clock thread at the start of each frame rather
 * than by a thread of their own (see {@link ArrivalTimes} for why, and how each keeps its arrival
 * time). Each frame reads what waits, at most {@link #MOST_PER_FRAME} datagrams, so a flood cannot
 * hold the handset's audio up; the rest waits in the socket for the next frames (the kernel drops what
 * overflows its buffer). Any datagram tells the {@link SilenceWatch} the peer is still there, then goes
 * to the {@link ReceiveLoop.Handler} in the one buffer reused for every packet.
 *
 * <p>On Linux one {@code recvmmsg} reads a frame's datagrams with their kernel stamps
 * ({@link BatchReceive}); elsewhere, or where that is refused, NIO reads them one by one (one log line
 * says why). Either way the socket's descriptor is used directly, so {@link #close} waits for a read in
 * progress: a descriptor closed and reused by another socket must never be read.
 */
final class PacketIntake implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PacketIntake.class.getName());
    private static final AtomicBoolean NIO_LOGGED = new AtomicBoolean();
    /** Five times what a peer sending 20 ms packets sends in a frame: bursts after a network stall pass. */
    static final int MOST_PER_FRAME = 5 * 2;

    private final BooleanSupplier sessionClosed;
    private final DatagramChannel channel;
    private final SilenceWatch silence;
    private final ReceiveLoop.Handler handler;
    private final String label;
    private final byte[] packet = new byte[RtpSession.MAX_PACKET];
    /** Null where NIO reads: then {@link #arrivals} and {@link #wire} serve. */
    private final BatchReceive batch;
    /** The batch's kernel stamps to {@link System#nanoTime()}; null where NIO reads. */
    private final RealtimeToMonotonic clocks;
    private final ArrivalTimes arrivals;
    /** Read into in place by the kernel (a heap buffer would cost NIO a thread-local direct one per read). */
    private final ByteBuffer wire;
    private boolean closed;
    private long failures;

    PacketIntake(BooleanSupplier sessionClosed, DatagramChannel channel, SilenceWatch silence, String label,
            ReceiveLoop.Handler handler) throws IOException {
        this(sessionClosed, channel, silence, label, handler, true);
    }

    /** {@code batched} false reads through NIO even where recvmmsg serves (for tests of that path). */
    PacketIntake(BooleanSupplier sessionClosed, DatagramChannel channel, SilenceWatch silence, String label,
            ReceiveLoop.Handler handler, boolean batched) throws IOException {
        channel.configureBlocking(false);
        this.sessionClosed = sessionClosed;
        this.channel = channel;
        this.silence = silence;
        this.label = label;
        this.handler = handler;
        BatchReceive reader = null;
        if (batched) {
            try {
                reader = BatchReceive.open(channel, MOST_PER_FRAME, RtpSession.MAX_PACKET);
            } catch (UnsupportedOperationException e) {
                if (NIO_LOGGED.compareAndSet(false, true)) {
                    LOG.info("RTP read one datagram at a time through NIO: " + e.getMessage());
                }
            }
        }
        this.batch = reader;
        this.clocks = reader == null ? null : new RealtimeToMonotonic();
        this.arrivals = reader == null ? ArrivalTimes.of(channel) : null;
        this.wire = reader == null ? ByteBuffer.allocateDirect(RtpSession.MAX_PACKET) : null;
    }

    /** Whether one system call reads a frame's datagrams ({@link BatchReceive}). */
    boolean batched() {
        return batch != null;
    }

    /** Reads what waits in the socket now; returns how many datagrams. */
    synchronized int takeIn() {
        if (closed) return 0;
        long frameNanos = System.nanoTime();
        return batch != null ? takeInBatch(frameNanos) : takeInOneByOne(frameNanos);
    }

    private int takeInBatch(long frameNanos) {
        int count = batch.receive();
        if (count < 0) {
            failed(new IOException("recvmmsg: " + BatchReceive.describe(-count)));
            return 0;
        }
        if (count > 0) clocks.startFrame(frameNanos);
        for (int i = 0; i < count; i++) {
            InetSocketAddress from = batch.source(i);
            if (from == null) continue;
            silence.heard(frameNanos);
            int length = batch.copy(i, packet);
            long stamp = batch.stampNanos(i);
            handler.received(packet, length, from, stamp == BatchReceive.NO_STAMP ? frameNanos : clocks.monotonic(stamp));
            if (closed) break; // the handler closed the session (this thread holds the lock): the block is freed
        }
        return count;
    }

    private int takeInOneByOne(long frameNanos) {
        arrivals.startFrame(frameNanos);
        int taken = 0;
        while (taken < MOST_PER_FRAME) {
            try {
                wire.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(wire);
                if (from == null) break;
                taken++;
                silence.heard(frameNanos);
                int length = wire.position();
                wire.flip().get(packet, 0, length);
                handler.received(packet, length, from, arrivals.lastDatagram());
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException | RuntimeException e) {
                failed(e);
                break;
            }
        }
        return taken;
    }

    /** An ICMP error (the peer's port closed) surfaces once in a read; the next read goes on. */
    private void failed(Exception e) {
        if (!sessionClosed.getAsBoolean() && failures++ % 1000 == 0) LOG.log(Level.WARNING, label + " receive failed", e);
    }

    /** Closes the socket, after a read in progress. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            channel.close();
        } finally {
            if (batch != null) batch.close();
        }
    }
}
