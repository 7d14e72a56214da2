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
                int fd = (int) Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal").invoke(channel);
                return KernelStamps.open(fd);
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

    /** The kernel's stamp of each datagram (SIOCGSTAMPNS), moved from CLOCK_REALTIME to the monotonic clock. */
    static final class KernelStamps extends ArrivalTimes {
        /** linux/sockios.h SIOCGSTAMPNS (the _OLD one: a timespec of two C longs, as in the legacy libc symbols). */
        private static final int SIOCGSTAMPNS = 0x8907;
        private static final int CLOCK_REALTIME = 0;
        private static final long MAX_AGE_NANOS = 1_000_000_000L;
        /**
         * How often the two clocks are compared again (reading them every frame was 3 % of a call's
         * CPU). NTP's slewing moves both clocks alike; only a step of the wall clock moves their
         * difference. A step forward dates packets after the frame that reads them, a step back more
         * than a second before it: either makes the next frame compare the clocks again. A smaller
         * step back misdates packets by that step until the next comparison, within the second.
         */
        static final long CLOCKS_COMPARED_EVERY_NANOS = 1_000_000_000L;
        /** A comparison that took longer (the thread was preempted between the two reads) is redone. */
        private static final long MOST_COMPARISON_NANOS = 200_000L;

        private final int fd;
        private final Memory timespec = new Memory(2L * Native.LONG_SIZE);
        private long realtimeLessMonotonic;
        private long clocksComparedAt;
        private boolean clocksCompared;
        private long frameNanos;

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
            if (!clocksCompared || nowNanos - clocksComparedAt >= CLOCKS_COMPARED_EVERY_NANOS) {
                long before = System.nanoTime();
                LibC.clock_gettime(CLOCK_REALTIME, timespec);
                long after = System.nanoTime();
                realtimeLessMonotonic = nanos(timespec) - (before + (after - before) / 2);
                clocksComparedAt = nowNanos;
                clocksCompared = after - before <= MOST_COMPARISON_NANOS;
            }
            frameNanos = nowNanos;
        }

        @Override
        long lastDatagram() {
            if (LibC.ioctl(fd, SIOCGSTAMPNS, timespec) != 0) return frameNanos;
            long arrival = nanos(timespec) - realtimeLessMonotonic;
            long oldest = frameNanos - MAX_AGE_NANOS;
            if (arrival > frameNanos + MOST_COMPARISON_NANOS || arrival < oldest) clocksCompared = false; // a step
            return Math.max(oldest, Math.min(frameNanos, arrival));
        }

        private static long nanos(Memory timespec) {
            return Native.LONG_SIZE == 8
                    ? timespec.getLong(0) * 1_000_000_000L + timespec.getLong(8)
                    : timespec.getInt(0) * 1_000_000_000L + timespec.getInt(4);
        }
    }

    /** glibc through JNA direct mapping: primitive arguments, no allocation per call. */
    private static final class LibC {
        static {
            Native.register(Platform.C_LIBRARY_NAME);
        }

        static native int ioctl(int fd, int request, Pointer argument);

        static native int clock_gettime(int clock, Pointer timespec);
    }
}
