package sipdesk.media.rtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
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
 *
 * <p>It measures between two lines on its standard input, {@code start} and {@code stop}, which the
 * bench writes when it reads the phone's CPU: the same wall-clock window as the phone's call. It then
 * prints its process's CPU (all threads) per minute of that window and exits; end of input also stops
 * it. Usage: JavaCallFloor PORT PEER_PORT OUT_WAV
 */
public final class JavaCallFloor {

    private static final int PACKET = 172;
    private static final long NO_TIME = Long.MIN_VALUE;

    private static volatile long received;
    private static volatile long startNanos = NO_TIME;
    private static volatile long stopNanos = NO_TIME;
    private static volatile long cpuAtStart;
    private static volatile long cpuAtStop;
    private static volatile long receivedAtStart;
    private static volatile long receivedAtStop;

    public static void main(String[] args) throws Exception {
        InetSocketAddress peer = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1]));
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
        short[] heard = new short[320];
        PacketIntake intake = new PacketIntake(() -> false, channel, new SilenceWatch(), "Java call floor",
                (packet, length, from, nowNanos) -> {
                    received++; // only this thread writes it
                    heard[0] = packet[length - 1]; // touch the packet, as a decoder would
                });
        if (!intake.batched()) System.out.println("(recvmmsg refused: the Java floor reads through NIO)");
        System.out.println("Java call floor: " + RealtimePriority.forCurrentThread().describe());
        Thread.ofPlatform().daemon().name("floor-signals").start(JavaCallFloor::readSignals);
        ByteBuffer wire = ByteBuffer.allocateDirect(PACKET);
        byte[] packet = new byte[PACKET];
        packet[0] = (byte) 0x80;
        WavFileSpeaker file = WavFileSpeaker.create(Path.of(args[2]), 16_000);
        FrameClock clock = new FrameClock(20);
        for (int frame = 0; stopNanos == NO_TIME; frame++) {
            clock.awaitNextFrame();
            intake.takeIn();
            packet[2] = (byte) (frame >> 8);
            packet[3] = (byte) frame;
            channel.send(wire.clear().put(packet).flip(), peer);
            file.write(heard, 0);
        }
        file.close();
        intake.close();
        if (startNanos == NO_TIME) {
            System.err.println("JavaCallFloor: stopped before it was told to start: nothing measured");
            System.exit(1);
        }
        double seconds = (stopNanos - startNanos) / 1e9;
        double cpu = (cpuAtStop - cpuAtStart) / 1e9;
        long datagrams = receivedAtStop - receivedAtStart;
        System.out.printf(Locale.ROOT, "Java call floor, %.0f s: %.2f s/min (%.2f %% of a core), %d datagrams received%s%n",
                seconds, cpu * 60 / seconds, cpu / seconds * 100, datagrams,
                intake.batched() ? "" : " (read through NIO, not recvmmsg as the phone reads)");
        if (datagrams < seconds * 50 * 0.9) {
            System.err.println("JavaCallFloor: the peer sent too little (" + datagrams + " datagrams in " + seconds
                    + " s): the floor is not a call's");
            System.exit(1);
        }
    }

    /** "start" and "stop" from the bench; a stop without a start, or the end of input, stops too. */
    private static void readSignals() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.equals("start") && startNanos == NO_TIME) {
                    cpuAtStart = os.getProcessCpuTime();
                    receivedAtStart = received;
                    startNanos = System.nanoTime();
                } else if (line.equals("stop")) {
                    break;
                }
            }
        } catch (IOException e) {
            System.err.println("JavaCallFloor: standard input: " + e);
        }
        cpuAtStop = os.getProcessCpuTime();
        receivedAtStop = received;
        stopNanos = System.nanoTime();
    }
}
