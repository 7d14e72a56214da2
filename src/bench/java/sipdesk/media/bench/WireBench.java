package sipdesk.media.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sipdesk.core.CallId;
import sipdesk.core.Command.ConnectMedia;
import sipdesk.media.MediaEngine;
import sipdesk.media.MediaSetup;
import sipdesk.media.audio.HotplugMicrophone;
import sipdesk.media.audio.HotplugSpeaker;
import sipdesk.media.audio.Microphone;
import sipdesk.media.audio.Speaker;
import sipdesk.media.codec.AudioCodec;
import sipdesk.media.codec.Codecs;
import sipdesk.media.rtp.RtpSettings;
import sipdesk.media.sdp.MediaDirection;
import sipdesk.media.sdp.SdpPolicy;
import sipdesk.media.tone.TonePlans;

/**
 * Issue 4's figures measured on the wire, not a test.
 *
 * <p>{@code echo SECONDS}: one engine in echo mode (its earpiece feeds its microphone, so what it
 * hears it says back, one device frame later) in a PCMU call with this program, which sends it RTP
 * every 20 ms from a socket (silence with a click at the start of every 25th packet) and timestamps
 * each click's packet leaving and the first echoed packet carrying it coming back: the phone's
 * network-in to network-out latency, jitter buffer and frame loop included. Its RTP to us is the
 * stream whose send pacing the capture measures.
 *
 * <p>{@code pacing CAPTURE.txt}: reads {@code tcpdump -tt -n -r} output and prints, for every UDP flow
 * of 172-byte datagrams (RTP with 20 ms of G.711 or G.722) and at least 500 packets, the deviation of
 * each interval from 20 ms: median, p99, max.
 */
public final class WireBench {

    private static final int FRAME = 160;
    private static final int CLICK_EVERY = 25;

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "echo" -> echo(Integer.parseInt(args[1]), args.length > 2 ? Path.of(args[2]) : null);
            case "pacing" -> pacing(Path.of(args[1]), args.length > 2 ? args[2] : "");
            default -> System.err.println("usage: WireBench echo SECONDS [PORTFILE] | pacing CAPTURE.txt [LABELS]");
        }
    }

    /** The echo device: the microphone returns what the earpiece was given the frame before. */
    static final class Echo implements Microphone, Speaker {
        private final short[] last = new short[320];

        @Override
        public boolean read(short[] frame, int offset) {
            System.arraycopy(last, 0, frame, offset, frameSamples());
            return true;
        }

        @Override
        public boolean write(short[] frame, int offset) {
            System.arraycopy(frame, offset, last, 0, frameSamples());
            return true;
        }

        @Override
        public int sampleRate() {
            return 16000;
        }

        @Override
        public boolean clocked() {
            return false;
        }

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public void close() {
        }
    }

    private static void echo(int seconds, Path portFile) throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        MediaSetup setup = new MediaSetup(new SdpPolicy(List.of("PCMU"), 20, 101, MediaDirection.SENDONLY, false),
                RtpSettings.on(lo), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                TonePlans.UNITED_STATES, List.of());
        Echo device = new Echo();
        MediaEngine phone = MediaEngine.start(setup, event -> { },
                HotplugMicrophone.start("echo mic", () -> Optional.of(device), 16000, Duration.ofMinutes(5)),
                HotplugSpeaker.start("echo earpiece", () -> Optional.of(device), 16000, Duration.ofMinutes(5)),
                Optional.empty());
        try (DatagramChannel peer = DatagramChannel.open()) {
            peer.bind(new InetSocketAddress(lo, 0));
            int peerPort = ((InetSocketAddress) peer.getLocalAddress()).getPort();
            CallId call = new CallId("echo");
            phone.open(call, "127.0.0.1");
            String offer = phone.offer(call, MediaDirection.SENDRECV);
            Matcher m = Pattern.compile("m=audio (\\d+) ").matcher(offer);
            if (!m.find()) throw new IllegalStateException("no m=audio in " + offer);
            int phonePort = Integer.parseInt(m.group(1));
            String answer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio " + peerPort + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=ptime:20\r\na=sendrecv\r\n";
            phone.accept(call, answer);
            phone.execute(new ConnectMedia(List.of(call)));
            if (portFile != null) Files.writeString(portFile, phonePort + " " + peerPort + "\n");
            System.out.printf(Locale.ROOT, "echo: phone RTP port %d, peer (this program) %d%n", phonePort, peerPort);
            measure(peer, new InetSocketAddress(lo, phonePort), seconds);
        } finally {
            phone.close();
        }
    }

    /** Sends for {@code seconds} on a 20 ms schedule while a thread takes the echo; prints the latencies. */
    private static void measure(DatagramChannel peer, InetSocketAddress phone, int seconds) throws Exception {
        int packets = seconds * 50;
        long[] sent = new long[packets];
        List<Double> latencies = new ArrayList<>();
        Thread receiver = Thread.ofPlatform().daemon().name("echo-rx").start(() -> {
            ByteBuffer in = ByteBuffer.allocate(1500);
            AudioCodec decoder = Codecs.create("PCMU").orElseThrow();
            short[] heard = new short[FRAME];
            int nextClick = 0;
            try {
                while (true) {
                    in.clear();
                    peer.receive(in);
                    long now = System.nanoTime();
                    if (in.position() != 12 + FRAME) continue;
                    decoder.decode(in.array(), 12, FRAME, heard, 0);
                    int loud = -1;
                    for (int i = 0; i < FRAME && loud < 0; i++) {
                        if (Math.abs(heard[i]) > 4000) loud = i;
                    }
                    if (loud < 0) continue;
                    // The first loud packet after each click sent is its echo (clicks are 500 ms apart).
                    while (nextClick + CLICK_EVERY < packets && sent[nextClick + CLICK_EVERY] != 0
                            && sent[nextClick + CLICK_EVERY] < now) nextClick += CLICK_EVERY;
                    if (sent[nextClick] != 0 && nextClick >= 0) {
                        synchronized (latencies) {
                            latencies.add((now - sent[nextClick]) / 1e6);
                        }
                        nextClick += CLICK_EVERY;
                    }
                }
            } catch (IOException closed) {
                // end of the run
            }
        });
        ByteBuffer out = ByteBuffer.allocate(12 + FRAME);
        AudioCodec encoder = Codecs.create("PCMU").orElseThrow();
        short[] pcm = new short[FRAME];
        byte[] silence = new byte[FRAME];
        byte[] click = new byte[FRAME];
        encoder.encode(pcm, 0, FRAME, silence, 0);
        for (int s = 0; s < 8; s++) pcm[s] = (short) (s % 2 == 0 ? 20000 : -20000);
        encoder.encode(pcm, 0, FRAME, click, 0);
        long start = System.nanoTime() + 200_000_000L;
        int ssrc = 0x5eed;
        for (int i = 0; i < packets; i++) {
            long due = start + i * 20_000_000L;
            while (System.nanoTime() < due) LockSupport.parkNanos(due - System.nanoTime());
            out.clear();
            out.put((byte) 0x80).put((byte) 0).putShort((short) i).putInt(i * FRAME).putInt(ssrc);
            out.put(i % CLICK_EVERY == 0 ? click : silence);
            out.flip();
            long now = System.nanoTime();
            if (i % CLICK_EVERY == 0) sent[i] = now;
            peer.send(out, phone);
        }
        Thread.sleep(300);
        peer.close();
        receiver.join(1000);
        double[] l;
        synchronized (latencies) {
            // The first few clicks fall in the start-up (buffer not yet playing): skip the first second.
            l = latencies.stream().skip(2).mapToDouble(Double::doubleValue).sorted().toArray();
        }
        if (l.length == 0) {
            System.out.println("echo latency: no echo received");
            return;
        }
        System.out.printf(Locale.ROOT, "echo latency, network in -> network out (%d clicks, PCMU, 20 ms jitter buffer): "
                + "median %.1f ms, p99 %.1f ms, min %.1f ms, max %.1f ms (target <= 45 ms)%n",
                l.length, pct(l, 50), pct(l, 99), l[0], l[l.length - 1]);
    }

    private static final Pattern UDP_LINE = Pattern.compile(
            "^(\\d+\\.\\d+) IP 127\\.0\\.0\\.1\\.(\\d+) > 127\\.0\\.0\\.1\\.(\\d+): UDP, length (\\d+)");

    /** Per flow (source port > destination port) of 172-byte datagrams: interval deviation from 20 ms. */
    private static void pacing(Path capture, String labels) throws IOException {
        Map<String, List<Double>> flows = new HashMap<>();
        for (String line : Files.readAllLines(capture)) {
            Matcher m = UDP_LINE.matcher(line);
            if (!m.find() || !m.group(4).equals("172")) continue;
            flows.computeIfAbsent(m.group(2) + ">" + m.group(3), k -> new ArrayList<>()).add(Double.parseDouble(m.group(1)));
        }
        Map<String, String> names = new HashMap<>();
        for (String pair : labels.split(",")) {
            String[] kv = pair.split("=");
            if (kv.length == 2) names.put(kv[0], kv[1]);
        }
        System.out.println("RTP send pacing on the wire (tcpdump -i lo --immediate-mode, kernel timestamps), |interval - 20 ms|:");
        System.out.printf(Locale.ROOT, "  %-28s %8s %10s %10s %10s%n", "sender (src>dst port)", "packets", "median ms", "p99 ms", "max ms");
        flows.entrySet().stream().filter(e -> e.getValue().size() >= 500).sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<Double> t = e.getValue();
            double[] dev = new double[t.size() - 1];
            for (int i = 1; i < t.size(); i++) dev[i - 1] = Math.abs((t.get(i) - t.get(i - 1)) * 1000 - 20);
            Arrays.sort(dev);
            String src = e.getKey().substring(0, e.getKey().indexOf('>'));
            String who = names.getOrDefault(src, Integer.parseInt(src) >= 30000 && Integer.parseInt(src) <= 30100 ? "baresip" : "other process");
            System.out.printf(Locale.ROOT, "  %-28s %8d %10.3f %10.3f %10.3f%n", who + " " + e.getKey(), t.size(),
                    pct(dev, 50), pct(dev, 99), dev[dev.length - 1]);
        });
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }
}
