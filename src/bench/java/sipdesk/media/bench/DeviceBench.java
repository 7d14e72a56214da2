package sipdesk.media.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import sipdesk.media.MediaEngine;
import sipdesk.media.RealtimePriority;
import sipdesk.media.audio.HotplugMicrophone;
import sipdesk.media.audio.HotplugSpeaker;
import sipdesk.media.audio.LineProbe;
import sipdesk.media.audio.Microphone;
import sipdesk.media.audio.Speaker;

/**
 * Round trip of the phone's own sound card path through a clocked virtual device whose capture side
 * hears its playback side (run-device-bench.sh sets one up: PulseAudio's null sink and its monitor,
 * reached through ALSA's pulse plugin as ALSA's {@code default}). The earpiece and the microphone are
 * opened as the phone opens a card chosen by name ({@link HotplugSpeaker#configured},
 * {@link HotplugMicrophone#configured} at {@link MediaEngine#ENGINE_RATE}, so the phone's 2-frame line
 * buffers), and one thread runs the handset loop's order: write the earpiece frame, then read the
 * microphone frame, the read blocking on the device clock. Every {@code every} frames the earpiece
 * frame carries a click at its first sample; the click's round trip is from the moment that frame is
 * handed to the earpiece to the moment the microphone read that brings it back returns. Not a test.
 *
 * <p>Usage: {@code DeviceBench [clicks, default 100] [device name part, default "default"]}; a sample
 * above {@code DEVICE_BENCH_THRESHOLD} (default 4000) is the click coming back; {@code DEVICE_BENCH_EACH}
 * prints every click.
 * With {@code PULSE_SERVER} set, {@code pactl} is asked every half second for the latencies
 * PulseAudio reports for this process's two streams.
 */
public final class DeviceBench {

    private static final int WARM_UP_FRAMES = 100;
    private static final int EVERY = 10;
    private static final short CLICK = 20000;
    /** What counts as the click coming back; a cable loop on a card may need less (DEVICE_BENCH_THRESHOLD). */
    private static final int THRESHOLD = Integer.parseInt(System.getenv().getOrDefault("DEVICE_BENCH_THRESHOLD", "4000"));

    public static void main(String[] args) throws Exception {
        int clicks = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        String deviceName = args.length > 1 ? args[1] : "default";
        System.out.printf(Locale.ROOT, "sipdesk device bench: %d clicks, device '%s', %d CPUs, %s %s%n", clicks,
                deviceName, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        // The order and the calls of MediaEngine.start: microphone, then earpiece.
        HotplugMicrophone microphone = HotplugMicrophone.configured("handset microphone", Optional.of(deviceName),
                MediaEngine.ENGINE_RATE);
        HotplugSpeaker earpiece = HotplugSpeaker.configured("handset earpiece", Optional.of(deviceName),
                MediaEngine.ENGINE_RATE);
        try {
            if (microphone.absent() || earpiece.absent()) {
                System.out.println("no card named '" + deviceName + "' for "
                        + (microphone.absent() ? "capture " : "") + (earpiece.absent() ? "playback" : ""));
                System.exit(2);
            }
            run(clicks, microphone, earpiece);
        } finally {
            microphone.close();
            earpiece.close();
        }
    }

    private static void run(int clicks, HotplugMicrophone microphone, HotplugSpeaker earpiece) throws Exception {
        Speaker speaker = earpiece.device();
        Microphone mic = microphone.device();
        if (!LineProbe.isCard(speaker) || !LineProbe.isCard(mic)) throw new IllegalStateException("not cards: " + speaker + ", " + mic);
        int rate = speaker.sampleRate();
        if (mic.sampleRate() != rate) throw new IllegalStateException("rates differ: " + speaker + ", " + mic);
        System.out.printf(Locale.ROOT, "playback line: %s, %s; buffer granted %d bytes = %.1f ms (asked for 2 frames = 40 ms)%n",
                speaker.name(), LineProbe.format(speaker), LineProbe.bufferBytes(speaker),
                LineProbe.bufferBytes(speaker) / LineProbe.bytesPerMs(speaker));
        System.out.printf(Locale.ROOT, "capture line:  %s, %s; buffer granted %d bytes = %.1f ms (asked for 2 frames = 40 ms)%n",
                mic.name(), LineProbe.format(mic), LineProbe.bufferBytes(mic), LineProbe.bufferBytes(mic) / LineProbe.bytesPerMs(mic));
        if (rate != MediaEngine.ENGINE_RATE) {
            System.out.println("note: the card runs at " + rate + " Hz; the phone would resample to and from "
                    + MediaEngine.ENGINE_RATE + " Hz (not done here, its filter delay is not in these figures)");
        }
        System.out.println("scheduling: " + RealtimePriority.forCurrentThread().describe());

        ServerLatency server = ServerLatency.start();
        int n = rate / 50;
        short[] out = new short[n];
        short[] in = new short[n];
        // PulseAudio's ALSA plugin never overruns: its capture avail stops one sample short of the
        // line's buffer and the rest waits in the client library, so a slow start (the first write
        // waits for PulseAudio to start the stream) would put 100 ms and more into every click, where
        // a card keeps at most its buffer and drops the rest. With PulseAudio the bench reads away
        // frames while the line shows itself full, and counts them as the card's overruns.
        boolean trim = System.getenv("PULSE_SERVER") != null;
        int capBytes = LineProbe.bufferBytes(mic) - 2 * LineProbe.frameBytes(mic) / n; // the cap, with a sample of slack
        long trimmedWarmUp = 0;
        long trimmed = 0;
        double bytesPerMs = LineProbe.bytesPerMs(speaker);
        int frameBytes = LineProbe.frameBytes(speaker);
        List<double[]> heard = new ArrayList<>(); // {round trip, capture framing, playback queue ahead, capture waiting}
        int lost = 0;
        long writeAt = -1;
        int aheadBytes = 0;
        int sentAt = 0;
        int sent = 0;
        int total = WARM_UP_FRAMES + clicks * EVERY + EVERY;
        long underrunsBefore = -1;
        long overrunsBefore = -1;
        for (int f = 0; f < total; f++) {
            if (f == WARM_UP_FRAMES) {
                underrunsBefore = earpiece.underruns();
                overrunsBefore = LineProbe.overruns(mic);
                server.measuring = true;
            }
            Speaker sp = earpiece.device();
            Microphone mc = microphone.device();
            if (sp != speaker || mc != mic) throw new IllegalStateException("the device went away during the bench");
            boolean click = f >= WARM_UP_FRAMES && (f - WARM_UP_FRAMES) % EVERY == 0 && sent < clicks;
            Arrays.fill(out, (short) 0);
            if (click) {
                if (writeAt >= 0) lost++;
                Arrays.fill(out, 0, 4, CLICK);
                int queued = LineProbe.queuedBytes(sp);
                // An empty line gets a frame of silence first (JavaSoundSpeaker): the click plays behind it.
                aheadBytes = queued > 0 ? queued : frameBytes;
                sent++;
                sentAt = f;
                writeAt = System.nanoTime();
            }
            earpiece.write(out, 0);
            int waiting = LineProbe.waitingBytes(mc);
            while (trim && waiting >= capBytes) {
                mc.read(in, 0);
                if (f < WARM_UP_FRAMES) trimmedWarmUp++;
                else trimmed++;
                waiting = LineProbe.waitingBytes(mc);
            }
            microphone.read(in, 0);
            long readAt = System.nanoTime();
            if (writeAt >= 0) {
                int at = firstClick(in);
                if (at >= 0) {
                    heard.add(new double[] {(readAt - writeAt) / 1e6, (n - 1 - at) * 1000.0 / rate, aheadBytes / bytesPerMs,
                            waiting / bytesPerMs});
                    writeAt = -1;
                } else if (f - sentAt >= EVERY - 1) {
                    lost++;
                    writeAt = -1;
                }
            }
        }
        server.stop();
        long underruns = earpiece.underruns() - underrunsBefore;
        long overruns = LineProbe.overruns(mic) - overrunsBefore;

        System.out.printf(Locale.ROOT, "clicks: %d sent, %d heard, %d lost; %d underruns, %d overruns while clicking%n", sent,
                heard.size(), lost, underruns, overruns);
        if (trim) {
            System.out.printf(Locale.ROOT, "capture frames beyond the line's buffer read away (a card's overruns): %d in the warm-up, %d while clicking%n",
                    trimmedWarmUp, trimmed);
        }
        System.out.println("speaker's own figures: queued before each write " + LineProbe.queueFigures(speaker));
        System.out.println("microphone's own figures: waiting before each read " + LineProbe.waitingFigures(mic));
        if (heard.isEmpty()) return;
        double[] roundTrip = column(heard, 0);
        double[] framing = column(heard, 1);
        double[] ahead = column(heard, 2);
        double[] device = new double[heard.size()];
        for (int i = 0; i < device.length; i++) device[i] = roundTrip[i] - framing[i];
        if (System.getenv("DEVICE_BENCH_EACH") != null) {
            for (double[] h : heard) {
                System.out.printf(Locale.ROOT, "click: round trip %.1f, framing %.1f, queued ahead %.1f, waiting in capture line %.1f%n",
                        h[0], h[1], h[2], h[3]);
            }
        }
        System.out.println("per click, ms:                                      median     p99     max     min");
        row("round trip: earpiece write -> microphone read", roundTrip);
        row("  capture framing (rest of the click's frame)", framing);
        row("  device round trip (round trip less framing)", device);
        row("  playback: line's queue ahead of the click", ahead);
        double lines = (LineProbe.bufferBytes(speaker) + LineProbe.bufferBytes(mic)) / bytesPerMs;
        long beyond = Arrays.stream(device).filter(d -> d > lines + 20).count();
        if (beyond > 0) {
            System.out.printf(Locale.ROOT, "warning: %d clicks took longer than both line buffers (%.0f ms) and a frame: audio queued beyond"
                    + " the capture line, which a card would have dropped (an overrun); those figures are not a card's%n", beyond, lines);
        }
        if (!server.report()) return;
        // On this path the server adds the source output's buffer and takes away the sink's
        // render-ahead (the monitor hears a block when the null sink renders it, before its time).
        double serverPart = server.median("Source Output/Buffer Latency") - server.median("Sink Input/Sink Latency");
        double[] ours = new double[device.length];
        for (int i = 0; i < ours.length; i++) ours[i] = device[i] - serverPart;
        System.out.printf(Locale.ROOT, "PulseAudio's own part on this path (medians: source output buffer - sink latency): %+.1f ms%n", serverPart);
        row("ours: device round trip less PulseAudio's part", ours);
        System.out.printf(Locale.ROOT, "  of which playback (line's queue ahead, median) %.1f ms, capture (the rest, median) %.1f ms%n",
                median(ahead), median(ours) - median(ahead));
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[(s.length - 1) / 2];
    }

    private static int firstClick(short[] frame) {
        for (int i = 0; i < frame.length; i++) if (Math.abs(frame[i]) > THRESHOLD) return i;
        return -1;
    }

    private static double[] column(List<double[]> rows, int c) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) out[i] = rows.get(i)[c];
        return out;
    }

    static void row(String label, double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-50s %7.1f %7.1f %7.1f %7.1f%n", label, s[(s.length - 1) / 2],
                s[Math.max(0, (int) Math.ceil(s.length * 0.99) - 1)], s[s.length - 1], s[0]);
    }

    /**
     * What PulseAudio says of this process's playback stream (sink input) and capture stream (source
     * output): {@code pactl list sink-inputs / source-outputs}, every half second, on a thread of its own.
     */
    static final class ServerLatency {
        private static final String[] KEYS = {"Sink Input/Buffer Latency", "Sink Input/Sink Latency",
            "Source Output/Buffer Latency", "Source Output/Source Latency"};
        private final Map<String, List<Double>> samples = new HashMap<>();
        private final Thread thread;
        volatile boolean measuring;
        private volatile boolean stopped;
        private String problem;

        private ServerLatency(boolean enabled) {
            for (String k : KEYS) samples.put(k, new ArrayList<>());
            thread = enabled ? Thread.ofPlatform().daemon().name("pactl").start(this::loop) : null;
        }

        static ServerLatency start() {
            return new ServerLatency(System.getenv("PULSE_SERVER") != null);
        }

        private void loop() {
            String pid = Long.toString(ProcessHandle.current().pid());
            while (!stopped) {
                try {
                    Thread.sleep(500);
                    if (!measuring) continue;
                    sample("sink-inputs", "Sink Input", pid);
                    sample("source-outputs", "Source Output", pid);
                } catch (IOException e) {
                    problem = e.toString();
                    return;
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void sample(String what, String kind, String pid) throws IOException, InterruptedException {
            Process p = new ProcessBuilder("pactl", "list", what).redirectErrorStream(true).start();
            Map<String, Double> block = new HashMap<>();
            boolean ours = false;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    String t = line.trim();
                    if (t.startsWith(kind + " #")) {
                        if (ours) keep(kind, block);
                        block.clear();
                        ours = false;
                    } else if (t.startsWith("application.process.id = \"" + pid + "\"")) {
                        ours = true;
                    } else if (t.matches("[A-Za-z ]+ Latency: [0-9]+ usec")) {
                        String name = t.substring(0, t.indexOf(':'));
                        block.put(name, Long.parseLong(t.replaceAll("[^0-9]", "")) / 1000.0);
                    }
                }
            }
            if (ours) keep(kind, block);
            p.waitFor(5, TimeUnit.SECONDS);
        }

        private synchronized void keep(String kind, Map<String, Double> block) {
            block.forEach((name, ms) -> {
                List<Double> list = samples.get(kind + "/" + name);
                if (list != null) list.add(ms);
            });
        }

        void stop() throws InterruptedException {
            stopped = true;
            if (thread != null) {
                thread.interrupt();
                thread.join(5000);
            }
        }

        /** Prints what the server said; false when nothing was asked or heard. */
        synchronized boolean report() {
            if (thread == null) {
                System.out.println("virtual server latency: not asked (PULSE_SERVER not set)");
                return false;
            }
            if (problem != null) System.out.println("pactl: " + problem);
            System.out.println("PulseAudio says of our streams (pactl, 0.5 s), ms:    median     p99     max     min");
            for (String k : KEYS) {
                List<Double> v = samples.get(k);
                if (v.isEmpty()) System.out.printf(Locale.ROOT, "  %-48s no samples%n", k);
                else row("  " + k, v.stream().mapToDouble(Double::doubleValue).toArray());
            }
            return !samples.get(KEYS[1]).isEmpty() && !samples.get(KEYS[2]).isEmpty();
        }

        synchronized double median(String key) {
            double[] v = samples.get(key).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return v.length == 0 ? Double.NaN : v[(v.length - 1) / 2];
        }
    }
}
