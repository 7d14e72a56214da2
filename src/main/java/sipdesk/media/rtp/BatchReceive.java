package sipdesk.media.rtp;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * What waits in a UDP socket, read by one {@code recvmmsg(2)} system call, each datagram with its
 * source and the kernel's stamp of its arrival ({@code SO_TIMESTAMPNS_NEW}: a 64-bit timespec on
 * every architecture, so past 2038 on a 32-bit Pi OS too).
 *
 * <p>Why not NIO: a frame that takes in one packet cost NIO two reads (the second finds the socket
 * empty) and then an {@code ioctl(SIOCGSTAMPNS)} for the packet's stamp, each through its own layers of
 * Java; this is one system call through JNA for the whole frame. Linux only (5.1 or later), on the
 * architectures whose socket constants are asm-generic's (x86, ARM); elsewhere {@link #open} says why
 * not and the caller reads through NIO.
 *
 * <p>The kernel reads and writes the C structures in one native block: {@code struct mmsghdr} for
 * each slot, its {@code struct iovec}, its source {@code sockaddr} and its control messages, then the
 * datagrams. The block's layout follows the C ABI of the running JVM: pointers and {@code size_t} are
 * one machine word (Linux ILP32 and LP64), {@code socklen_t} and {@code int} are padded to a word in
 * {@code struct msghdr}. Java reads and writes it through a direct buffer over the block, which costs
 * no native call. Not thread-safe: the device-clock thread only, and not after {@link #close}.
 *
 * <p>Linux stamps arriving packets only while some socket asks for stamps, and turns that on from a
 * work queue a moment after the first one asks: the first packets of a call after a rest may come
 * unstamped, and the kernel then gives them the time they are read (the frame's, as NIO's path would).
 */
final class BatchReceive implements AutoCloseable {

    /** {@link #stampNanos} of a datagram the kernel did not stamp. */
    static final long NO_STAMP = Long.MIN_VALUE;

    private static final int SOL_SOCKET = 1;
    /** asm-generic/socket.h: the stamp as struct __kernel_timespec, two 64-bit fields on every ABI. */
    private static final int SO_TIMESTAMPNS_NEW = 64;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;

    private static final int WORD = Native.POINTER_SIZE;
    /** struct msghdr is seven words; mmsghdr adds an unsigned int, padded to eight words. */
    private static final int MSG_NAMELEN = WORD;
    private static final int MSG_CONTROLLEN = 5 * WORD;
    private static final int MSG_LEN = 7 * WORD;
    private static final int MMSGHDR = 8 * WORD;
    private static final int IOVEC = 2 * WORD;
    /** sockaddr_in6 is 28 bytes. */
    private static final int NAME_BYTES = 32;
    /** One cmsghdr (a size_t, two ints, aligned to a size_t) and a 16-byte timespec, with room to spare. */
    private static final int CMSG_DATA = align(WORD + 8);
    private static final int CONTROL_BYTES = 64;

    private final int fd;
    private final int slots;
    private final int maxDatagram;
    private final Memory block;
    private final ByteBuffer view;
    private final int iovecs;
    private final int names;
    private final int controls;
    private final int data;
    /** Slots the kernel wrote in the last call: their name and control lengths are set back first. */
    private int written;

    // The last source seen, so that a stream from one address costs no InetSocketAddress per packet.
    private int lastFamily;
    private int lastPort;
    private final int[] lastAddress = new int[4];
    private int lastScope;
    private InetSocketAddress lastSource;
    private final byte[] address4 = new byte[4];
    private final byte[] address16 = new byte[16];

    private BatchReceive(int fd, int slots, int maxDatagram) {
        this.fd = fd;
        this.slots = slots;
        this.maxDatagram = maxDatagram;
        iovecs = slots * MMSGHDR;
        names = iovecs + slots * IOVEC;
        controls = names + slots * NAME_BYTES;
        data = controls + slots * CONTROL_BYTES;
        int size = data + slots * maxDatagram;
        block = new Memory(size);
        block.clear();
        view = block.getByteBuffer(0, size).order(ByteOrder.nativeOrder());
        long base = Pointer.nativeValue(block);
        for (int i = 0; i < slots; i++) {
            int header = i * MMSGHDR;
            putWord(header, base + names + (long) i * NAME_BYTES);
            putWord(header + 2 * WORD, base + iovecs + (long) i * IOVEC);
            putWord(header + 3 * WORD, 1);
            putWord(header + 4 * WORD, base + controls + (long) i * CONTROL_BYTES);
            putWord(iovecs + i * IOVEC, base + data + (long) i * maxDatagram);
            putWord(iovecs + i * IOVEC + WORD, maxDatagram);
        }
        written = slots;
    }

    /**
     * Reads {@code channel}'s datagrams in batches of up to {@code slots}, each up to {@code maxDatagram}
     * bytes (a longer one is cut, as NIO cuts it), and asks the kernel to stamp them.
     *
     * @throws UnsupportedOperationException with the reason, where this cannot work
     */
    static BatchReceive open(DatagramChannel channel, int slots, int maxDatagram) {
        return open(channel, slots, maxDatagram, SELF_CHECK);
    }

    /** {@link #open}, with the self-check's verdict given (a test's stand-in for a failed one). */
    static BatchReceive open(DatagramChannel channel, int slots, int maxDatagram, String selfCheck) {
        if (!Platform.isLinux()) throw new UnsupportedOperationException("not Linux");
        if (!Platform.isIntel() && !Platform.isARM()) {
            throw new UnsupportedOperationException("socket constants not checked on " + Platform.ARCH);
        }
        // Before the socket is touched: with SO_TIMESTAMPNS on, the kernel no longer keeps the stamp
        // that NIO's fallback reads by ioctl(SIOCGSTAMPNS).
        if (selfCheck != null) throw new UnsupportedOperationException(selfCheck);
        int fd;
        try {
            fd = SocketDescriptor.of(channel);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new UnsupportedOperationException("no socket descriptor (the jar needs Add-Exports java.base/sun.nio.ch): " + e, e);
        }
        try (Memory on = new Memory(4)) {
            on.setInt(0, 1);
            if (LibC.setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS_NEW, on, 4) != 0) {
                throw new UnsupportedOperationException("SO_TIMESTAMPNS_NEW refused (Linux before 5.1?): "
                        + describe(Native.getLastError()));
            }
        } catch (LinkageError e) {
            throw new UnsupportedOperationException("the C library through JNA: " + e, e);
        }
        return new BatchReceive(fd, slots, maxDatagram);
    }

    /**
     * Null when a datagram sent to ourselves on loopback reads back whole, from its sender, stamped
     * within the send; else what went wrong. Run once per JVM, so that a C layout this class gets wrong
     * on an architecture we have not run on costs a log line and NIO, not misread audio.
     */
    private static final String SELF_CHECK = selfCheck();

    private static String selfCheck() {
        try (DatagramChannel receiver = DatagramChannel.open(StandardProtocolFamily.INET);
             DatagramChannel sender = DatagramChannel.open(StandardProtocolFamily.INET)) {
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1}); // IPv4 whatever the JVM prefers
            receiver.bind(new InetSocketAddress(loopback, 0));
            sender.bind(new InetSocketAddress(loopback, 0));
            int fd = SocketDescriptor.of(receiver);
            try (Memory on = new Memory(4)) {
                on.setInt(0, 1);
                if (LibC.setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS_NEW, on, 4) != 0) return "SO_TIMESTAMPNS_NEW refused";
            }
            byte[] probe = "sipdesk recvmmsg self-check".getBytes(StandardCharsets.US_ASCII);
            try (BatchReceive reader = new BatchReceive(fd, 2, 64)) {
                long before = Instant.now().toEpochMilli() - 1000;
                sender.send(ByteBuffer.wrap(probe), receiver.getLocalAddress());
                long after = Instant.now().toEpochMilli() + 1000;
                int count = 0;
                for (long deadline = System.nanoTime() + 1_000_000_000L; count == 0 && System.nanoTime() < deadline; ) {
                    count = reader.receive();
                    if (count == 0) Thread.onSpinWait();
                }
                if (count != 1) return "the probe datagram read as " + count;
                byte[] read = new byte[64];
                int length = reader.copy(0, read);
                long stampMillis = reader.stampNanos(0) / 1_000_000L;
                if (length != probe.length || !Arrays.equals(probe, 0, probe.length, read, 0, length)) {
                    return "the probe datagram read back wrong";
                }
                if (!sender.getLocalAddress().equals(reader.source(0))) return "the probe's source read back wrong";
                if (stampMillis < before || stampMillis > after) return "the probe's stamp read back wrong";
                return null;
            }
        } catch (Exception | LinkageError e) {
            return "recvmmsg self-check failed: " + e;
        }
    }

    /**
     * Reads what waits now, without waiting: how many datagrams (0 when none), or minus the error
     * number of a failed read (an ICMP error of an earlier send surfaces here once).
     */
    int receive() {
        for (int i = 0; i < written; i++) {
            int header = i * MMSGHDR;
            view.putInt(header + MSG_NAMELEN, NAME_BYTES);
            putWord(header + MSG_CONTROLLEN, CONTROL_BYTES);
        }
        written = 0;
        int count = LibC.recvmmsg(fd, block, slots, MSG_DONTWAIT, null);
        if (count >= 0) {
            written = count;
            return count;
        }
        int error = Native.getLastError();
        if (error == EAGAIN || error == EINTR) return 0;
        written = slots;
        return -error;
    }

    /** The C library's text for an error number, and the number. */
    static String describe(int errno) {
        String text;
        try {
            text = LibC.strerror(errno);
        } catch (RuntimeException | LinkageError e) {
            text = null;
        }
        return (text == null ? "error" : text) + " (errno " + errno + ")";
    }

    /** Copies datagram {@code i} of the last {@link #receive} into {@code into}; returns its length. */
    int copy(int i, byte[] into) {
        int length = Math.min(view.getInt(i * MMSGHDR + MSG_LEN), Math.min(maxDatagram, into.length));
        view.get(data + i * maxDatagram, into, 0, length);
        return length;
    }

    /** Where datagram {@code i} came from; null for an address family other than IPv4 and IPv6. */
    InetSocketAddress source(int i) {
        int name = names + i * NAME_BYTES;
        int family = view.getShort(name) & 0xFFFF;
        int port = (view.get(name + 2) & 0xFF) << 8 | view.get(name + 3) & 0xFF;
        int a0;
        int a1 = 0;
        int a2 = 0;
        int a3 = 0;
        int scope = 0;
        if (family == AF_INET) {
            a0 = view.getInt(name + 4);
        } else if (family == AF_INET6) {
            a0 = view.getInt(name + 8);
            a1 = view.getInt(name + 12);
            a2 = view.getInt(name + 16);
            a3 = view.getInt(name + 20);
            scope = view.getInt(name + 24);
        } else {
            return null;
        }
        if (lastSource != null && family == lastFamily && port == lastPort && scope == lastScope
                && a0 == lastAddress[0] && a1 == lastAddress[1] && a2 == lastAddress[2] && a3 == lastAddress[3]) {
            return lastSource;
        }
        lastSource = new InetSocketAddress(address(family, name, scope), port);
        lastFamily = family;
        lastPort = port;
        lastScope = scope;
        lastAddress[0] = a0;
        lastAddress[1] = a1;
        lastAddress[2] = a2;
        lastAddress[3] = a3;
        return lastSource;
    }

    /** IPv4-mapped IPv6 sources become IPv4 addresses, as NIO makes them. */
    private InetAddress address(int family, int name, int scope) {
        try {
            if (family == AF_INET) {
                view.get(name + 4, address4);
                return InetAddress.getByAddress(address4);
            }
            view.get(name + 8, address16);
            if (isV4Mapped(address16)) {
                System.arraycopy(address16, 12, address4, 0, 4);
                return InetAddress.getByAddress(address4);
            }
            return scope != 0 ? Inet6Address.getByAddress(null, address16, scope) : InetAddress.getByAddress(address16);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a raw address of the right length", e);
        }
    }

    private static boolean isV4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) if (a[i] != 0) return false;
        return a[10] == (byte) 0xFF && a[11] == (byte) 0xFF;
    }

    /** The kernel's arrival stamp of datagram {@code i} in nanoseconds of CLOCK_REALTIME, or {@link #NO_STAMP}. */
    long stampNanos(int i) {
        int at = controls + i * CONTROL_BYTES;
        int end = at + (int) Math.min(getWord(i * MMSGHDR + MSG_CONTROLLEN), CONTROL_BYTES);
        while (at + CMSG_DATA <= end) {
            int length = (int) getWord(at);
            if (length < CMSG_DATA) break;
            if (view.getInt(at + WORD) == SOL_SOCKET && view.getInt(at + WORD + 4) == SO_TIMESTAMPNS_NEW
                    && length >= CMSG_DATA + 16 && at + CMSG_DATA + 16 <= end) {
                return view.getLong(at + CMSG_DATA) * 1_000_000_000L + view.getLong(at + CMSG_DATA + 8);
            }
            at += align(length);
        }
        return NO_STAMP;
    }

    @Override
    public void close() {
        block.close();
    }

    private void putWord(int offset, long value) {
        if (WORD == 8) view.putLong(offset, value);
        else view.putInt(offset, (int) value);
    }

    private long getWord(int offset) {
        return WORD == 8 ? view.getLong(offset) : view.getInt(offset) & 0xFFFF_FFFFL;
    }

    private static int align(int length) {
        return (length + WORD - 1) & -WORD;
    }

    /** glibc through JNA direct mapping: primitive arguments, no allocation per call. */
    private static final class LibC {
        static {
            Native.register(Platform.C_LIBRARY_NAME);
        }

        static native int setsockopt(int fd, int level, int name, Pointer value, int length);

        static native int recvmmsg(int fd, Pointer vector, int length, int flags, Pointer timeout);

        static native String strerror(int errno);
    }
}
