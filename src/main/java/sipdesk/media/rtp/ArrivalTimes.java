package sipdesk.media.rtp;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * When each RTP packet reached this machine, on the {@code System.nanoTime()} clock, for the jitter
 * buffer and the RFC 3550 interarrival jitter.
 *
 * <p>The device-clock thread takes the packets in at the start of each 20 ms frame instead of a thread
 * of their own waking for every packet: a wake-up costs more CPU than all the work a packet needs (70 us
 * of a core on our build VMs, the half of a call's CPU). Read then, a packet could only be dated to
 * the frame, which would cost the jitter buffer its sub-frame view of the network. Linux keeps each
 * datagram's arrival time for us: {@code ioctl(SIOCGSTAMPNS)} after a read gives the kernel's stamp of
 * that datagram (in CLOCK_REALTIME, converted here). The socket's descriptor is not public in Java:
 * the phone's jar exports {@code java.base/sun.nio.ch} to itself (manifest {@code Add-Exports}), and
 * where that or libc through JNA is missing, arrival times fall back to the time of the frame that
 * takes the packets in (one log line says so).
 *
 * <p>Used by the device-clock thread only; allocation-free per packet.
 */
abstract sealed class ArrivalTimes {

    private static final Logger LOG = Logger.getLogger(ArrivalTimes.class.getName());
    private static final AtomicBoolean FALLBACK_LOGGED = new AtomicBoolean();

    /** Kernel arrival times for {@code channel}'s datagrams where the system allows, else frame times. */
    static ArrivalTimes of(DatagramChannel channel) {
        String refused;
        try {
            if (!Platform.isLinux()) {
                refused = "not Linux";
            } else {
                return KernelStamps.open(SocketDescriptor.of(channel));
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            refused = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (FALLBACK_LOGGED.compareAndSet(false, true)) {
            LOG.info("RTP arrival times to the 20 ms frame only, jitter figures are coarse (" + refused
                    + "; the phone's jar needs Add-Exports java.base/sun.nio.ch and JNA)");
        }
        return new FrameTimes();
    }

    /** A frame starts taking packets in at {@code nowNanos}. */
    abstract void startFrame(long nowNanos);

    /** The arrival time of the datagram just read: at most this frame's start, at least a second before. */
    abstract long lastDatagram();

    /** The packets of a frame are dated by that frame. */
    static final class FrameTimes extends ArrivalTimes {
        private long frameNanos;

        @Override
        void startFrame(long nowNanos) {
            frameNanos = nowNanos;
        }

        @Override
        long lastDatagram() {
            return frameNanos;
        }
    }

    /**
     * The kernel's stamp of each datagram (SIOCGSTAMPNS), moved from CLOCK_REALTIME to the monotonic
     * clock. The _OLD request: a timespec of two C longs, whose seconds end in 2038 on a 32-bit system.
     * Only where {@link BatchReceive} (Linux 5.1 and later, 64-bit stamps) cannot serve.
     */
    static final class KernelStamps extends ArrivalTimes {
        private static final int SIOCGSTAMPNS = 0x8907;

        private final int fd;
        private final Memory timespec = new Memory(2L * Native.LONG_SIZE);
        private final RealtimeToMonotonic clocks = new RealtimeToMonotonic();

        private KernelStamps(int fd) {
            this.fd = fd;
        }

        static KernelStamps open(int fd) {
            KernelStamps stamps = new KernelStamps(fd);
            // The first ioctl switches stamping on for the socket, so the first packet is stamped too.
            LibC.ioctl(fd, SIOCGSTAMPNS, stamps.timespec);
            return stamps;
        }

        @Override
        void startFrame(long nowNanos) {
            clocks.startFrame(nowNanos);
        }

        @Override
        long lastDatagram() {
            if (LibC.ioctl(fd, SIOCGSTAMPNS, timespec) != 0) return clocks.frameNanos();
            long realtime = Native.LONG_SIZE == 8
                    ? timespec.getLong(0) * 1_000_000_000L + timespec.getLong(8)
                    : timespec.getInt(0) * 1_000_000_000L + timespec.getInt(4);
            return clocks.monotonic(realtime);
        }
    }

    /** glibc through JNA direct mapping: primitive arguments, no allocation per call. */
    private static final class LibC {
        static {
            Native.register(Platform.C_LIBRARY_NAME);
        }

        static native int ioctl(int fd, int request, Pointer argument);
    }
}
