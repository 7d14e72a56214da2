package sipdesk.media.bench;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import sipdesk.core.CallId;
import sipdesk.core.Command.ConnectMedia;
import sipdesk.media.MediaEngine;
import sipdesk.media.MediaSetup;
import sipdesk.media.audio.HotplugMicrophone;
import sipdesk.media.audio.HotplugSpeaker;
import sipdesk.media.audio.SilentDevice;
import sipdesk.media.audio.Speaker;
import sipdesk.media.audio.WavFile;
import sipdesk.media.audio.WavFileMicrophone;
import sipdesk.media.rtp.CallStats;
import sipdesk.media.rtp.RtpSettings;
import sipdesk.media.sdp.MediaDirection;
import sipdesk.media.sdp.Negotiation;
import sipdesk.media.sdp.SdpPolicy;
import sipdesk.media.tone.TonePlans;

/**
 * Media figures for the report, not a test: two engines in one JVM call each other over loopback
 * (each with a looping 1 kHz microphone file and a silent earpiece, so the frame clock is the
 * monotonic schedule of {@code FrameClock}), for G.711 and then G.722. Prints the pacing of the
 * handset loop (deviation of each frame from its ideal time), CPU seconds per minute of call (both
 * ends in this process, and the media threads alone), and bytes allocated per frame on the media
 * threads. Usage: {@code MediaBench [seconds per codec, default 60]}.
 */
public final class MediaBench {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path dir = Files.createTempDirectory("media-bench");
        short[] tone = new short[16000];
        for (int i = 0; i < tone.length; i++) tone[i] = (short) (6000 * Math.sin(2 * Math.PI * 1000 * i / 16000));
        Path mic = dir.resolve("mic.wav");
        WavFile.write(mic, tone, tone.length, 16000);
        System.out.printf(Locale.ROOT, "sipdesk media bench: %d s per codec, %d CPUs, %s %s%n", seconds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        for (String codec : List.of("PCMU", "G722")) run(codec, seconds, mic);
    }

    private static void run(String codec, int seconds, Path mic) throws Exception {
        MediaSetup setup = new MediaSetup(new SdpPolicy(List.of(codec), 20, 101, MediaDirection.SENDONLY, false),
                RtpSettings.on(InetAddress.getLoopbackAddress()), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), TonePlans.UNITED_STATES, List.of());
        MediaEngine a = engine(setup, mic, "a");
        MediaEngine b = engine(setup, mic, "b");
        CallId x = new CallId("x");
        CallId y = new CallId("y");
        a.open(x, "127.0.0.1");
        b.open(y, "127.0.0.1");
        Negotiation answer = b.answer(y, a.offer(x, MediaDirection.SENDRECV), MediaDirection.SENDRECV);
        a.accept(x, ((Negotiation.Agreed) answer).answerSdp().orElseThrow());
        a.execute(new ConnectMedia(List.of(x)));
        b.execute(new ConnectMedia(List.of(y)));
        Thread.sleep(3000); // warm-up: JIT, jitter buffer settles

        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<Long, long[]> before = mediaThreads(threads);
        long processCpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        int frames = seconds * 50;
        long[] starts = a.recordFrameStarts(frames);
        Thread.sleep(seconds * 1000L + 200);
        long wallNanos = System.nanoTime() - wall;
        double processCpuSeconds = (os.getProcessCpuTime() - processCpu) / 1e9;
        Map<Long, long[]> after = mediaThreads(threads);
        long mediaCpu = 0;
        long allocated = 0;
        Map<String, Long> cpuByRole = new TreeMap<>();
        for (var e : after.entrySet()) {
            long[] was = before.getOrDefault(e.getKey(), new long[3]);
            mediaCpu += e.getValue()[0] - was[0];
            allocated += e.getValue()[1] - was[1];
            cpuByRole.merge(ROLES.get(e.getKey()), e.getValue()[0] - was[0], Long::sum);
        }
        CallStats stats = a.stats(x).orElseThrow();
        a.close();
        b.close();

        double minutes = wallNanos / 60e9;
        System.out.printf(Locale.ROOT, "%n== %s call, %d s, two engines in one JVM ==%n", codec, seconds);
        pacing(starts);
        System.out.printf(Locale.ROOT, "CPU: process %.2f s per minute of call (both ends); media threads %.2f s/min "
                + "(%.2f s/min per call end)%n", processCpuSeconds / minutes, mediaCpu / 1e9 / minutes,
                mediaCpu / 1e9 / minutes / 2);
        StringBuilder roles = new StringBuilder("  per call end, by thread:");
        cpuByRole.forEach((role, nanos) -> roles.append(String.format(Locale.ROOT, " %s %.3f", role, nanos / 1e9 / minutes / 2)));
        System.out.println(roles.append(" s/min; the JVM's own threads ").append(String.format(Locale.ROOT, "%.3f",
                (processCpuSeconds - mediaCpu / 1e9) / minutes / 2)));
        System.out.printf(Locale.ROOT, "allocation on media threads: %d bytes in %d frames x 2 engines = %.2f bytes/frame%n",
                allocated, frames, (double) allocated / (frames * 2));
        System.out.println("call stats at A: " + stats);
    }

    private static MediaEngine engine(MediaSetup setup, Path mic, String name) throws Exception {
        WavFileMicrophone microphone = WavFileMicrophone.open(mic, true);
        Speaker earpiece = new SilentDevice(16000, name + " earpiece");
        return MediaEngine.start(setup, event -> { },
                HotplugMicrophone.start(name + " mic", () -> Optional.of(microphone), 16000, Duration.ofMinutes(5)),
                HotplugSpeaker.start(name + " earpiece", () -> Optional.of(earpiece), 16000, Duration.ofMinutes(5)),
                Optional.empty());
    }

    /** Thread id to role: the thread's name without its port or number ("rtp-rx-12000" is "rtp-rx"). */
    private static final Map<Long, String> ROLES = new HashMap<>();

    /** CPU nanoseconds and allocated bytes of every media thread (handset loops, RTP/RTCP receivers). */
    private static Map<Long, long[]> mediaThreads(com.sun.management.ThreadMXBean threads) {
        Map<Long, long[]> out = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String n = t.getName();
            if (n.startsWith("media-") || n.startsWith("rtp-rx") || n.startsWith("rtcp-rx")) {
                ROLES.put(t.threadId(), n.replaceAll("-\\d+$", ""));
                out.put(t.threadId(), new long[] {threads.getThreadCpuTime(t.threadId()),
                        threads.getThreadAllocatedBytes(t.threadId())});
            }
        }
        return out;
    }

    private static void pacing(long[] starts) {
        int n = 0;
        while (n < starts.length && starts[n] != 0) n++;
        if (n < 2) {
            System.out.println("pacing: no frames recorded");
            return;
        }
        double[] deviation = new double[n];
        double[] interval = new double[n - 1];
        for (int i = 0; i < n; i++) deviation[i] = Math.abs(starts[i] - (starts[0] + i * 20_000_000L)) / 1e6;
        for (int i = 1; i < n; i++) interval[i - 1] = (starts[i] - starts[i - 1]) / 1e6;
        Arrays.sort(deviation);
        double[] jitter = Arrays.stream(interval).map(v -> Math.abs(v - 20)).sorted().toArray();
        double drift = (starts[n - 1] - starts[0]) / 1e6 - (n - 1) * 20.0;
        System.out.printf(Locale.ROOT, "pacing over %d frames: |frame start - schedule| median %.3f ms, p99 %.3f ms, "
                + "max %.3f ms; |interval - 20 ms| median %.3f, p99 %.3f, max %.3f ms; drift over the run %.3f ms%n",
                n, pct(deviation, 50), pct(deviation, 99), deviation[n - 1], pct(jitter, 50), pct(jitter, 99),
                jitter[jitter.length - 1], drift);
        lateFrames(starts, n);
    }

    /**
     * Intervals more than {@code sipdesk.bench.late_ms} (default 2) off 20 ms, with the frame's
     * CLOCK_MONOTONIC time (what System.nanoTime reads on Linux, and what {@code perf sched record -k
     * CLOCK_MONOTONIC}, the GC log's uptime and src/bench/c/pacing_reference.c can be lined up with).
     */
    private static void lateFrames(long[] starts, int n) {
        double lateMs = Double.parseDouble(System.getProperty("sipdesk.bench.late_ms", "2"));
        StringBuilder late = new StringBuilder();
        int count = 0;
        for (int i = 1; i < n; i++) {
            double off = Math.abs((starts[i] - starts[i - 1]) / 1e6 - 20);
            if (off > lateMs && count++ < 40) {
                late.append(String.format(Locale.ROOT, " %.3f(%.1f)", starts[i] / 1e9, off));
            }
        }
        System.out.printf(Locale.ROOT, "intervals off by more than %.1f ms: %d%s%n", lateMs, count,
                count == 0 ? "" : "; at monotonic s (ms off):" + late + (count > 40 ? " ..." : ""));
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
