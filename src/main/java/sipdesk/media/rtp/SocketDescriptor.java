package sipdesk.media.rtp;

import java.nio.channels.DatagramChannel;

/**
 * The file descriptor of a NIO datagram channel, for the system calls NIO does not make. It is not
 * public in Java: the phone's jar exports {@code java.base/sun.nio.ch} to itself (manifest
 * {@code Add-Exports}), as do surefire's argLine and the benches.
 */
final class SocketDescriptor {

    private SocketDescriptor() {
    }

    /** The descriptor; throws when the JDK's internals are not open to us. */
    static int of(DatagramChannel channel) throws ReflectiveOperationException {
        return (int) Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal").invoke(channel);
    }
}
