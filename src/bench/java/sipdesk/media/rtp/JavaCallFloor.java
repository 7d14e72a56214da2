package sipdesk.media.rtp;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import sipdesk.media.RealtimePriority;
import sipdesk.media.audio.FrameClock;
import sipdesk.media.audio.WavFileSpeaker;

/**
 * The floor of a call's CPU for a JVM: src/bench/c/call_floor.c's loop, written in Java on the
 * phone's own I/O classes and run with the launcher's JVM flags. Each 20 ms frame: the frame clock's
 * sleep to the deadline ({@link FrameClock}, clock_nanosleep), the datagrams that wait, with their
 * kernel stamps ({@link PacketIntake}, one recvmmsg), one 172-byte datagram to the peer (NIO, from a
 * direct buffer, as {@link PacketSender}), and a 640-byte frame to a WAV file ({@link WavFileSpeaker}),
 * at SCHED_FIFO as the phone's media thread. No codec, no jitter buffer, no mixing: what the JVM and
 * the phone's I/O path cost before any of the phone's audio work. Its peer is {@code call_floor peer}.
 * Prints its process's CPU (all its threads) per minute of the last SECONDS.
 * Usage: JavaCallFloor SECONDS WARM_SECONDS PORT PEER_PORT OUT_WAV
 */
public final class JavaCallFloor {

    private static final int PACKET = 172;

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        int warm = Integer.parseInt(args[1]);
        InetSocketAddress peer = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[3]));
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[2])));
        long[] received = new long[1];
        short[] heard = new short[320];
        PacketIntake intake = new PacketIntake(() -> false, channel, new SilenceWatch(), "Java call floor",
                (packet, length, from, nowNanos) -> {
                    received[0]++;
                    heard[0] = packet[length - 1]; // touch the packet, as a decoder would
                });
        if (!intake.batched()) System.out.println("(recvmmsg refused: the Java floor reads through NIO)");
        System.out.println("Java call floor: " + RealtimePriority.forCurrentThread().describe());
        ByteBuffer wire = ByteBuffer.allocateDirect(PACKET);
        byte[] packet = new byte[PACKET];
        packet[0] = (byte) 0x80;
        WavFileSpeaker file = WavFileSpeaker.create(Path.of(args[4]), 16_000);
        FrameClock clock = new FrameClock(20);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuAtStart = 0;
        long receivedAtStart = 0;
        int frames = (warm + seconds) * 50;
        for (int frame = 0; frame < frames; frame++) {
            if (frame == warm * 50) {
                cpuAtStart = os.getProcessCpuTime();
                receivedAtStart = received[0];
            }
            clock.awaitNextFrame();
            intake.takeIn();
            packet[2] = (byte) (frame >> 8);
            packet[3] = (byte) frame;
            channel.send(wire.clear().put(packet).flip(), peer);
            file.write(heard, 0);
        }
        double cpu = (os.getProcessCpuTime() - cpuAtStart) / 1e9;
        file.close();
        System.out.printf("Java call floor, %d s: %.2f s/min (%.2f %% of a core), %d datagrams received%s%n",
                seconds, cpu * 60 / seconds, cpu / seconds * 100, received[0] - receivedAtStart,
                intake.batched() ? "" : " (read through NIO, not recvmmsg as the phone reads)");
        if (received[0] == receivedAtStart) {
            System.err.println("JavaCallFloor: nothing came from the peer: the floor is not a call's");
            System.exit(1);
        }
        intake.close();
    }
}
