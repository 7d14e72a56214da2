package sipdesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time of the phone: from just before the launcher is exec'd to the daemon's log line
 * saying it is registered (kamailio's 200 to the REGISTER has been received and handled).
 *
 * <p>Usage: {@code StartupTimer RUNS LOGDIR LABEL -- COMMAND...}. Each run starts COMMAND with its
 * stderr on a pipe, stamps every milestone line with {@link System#nanoTime()} (CLOCK_MONOTONIC on
 * Linux: no wall-clock steps), then stops the process by its PID (SIGTERM, SIGKILL after 5 s).
 * The launcher execs the JVM, so that PID is the JVM's. The first milestones (first log line,
 * SIP stack up) show where the time goes. Prints one line per run, then
 * {@code RESULT label median_ms min_ms max_ms} and one {@code MILESTONE label name median_ms} per
 * milestone, which the bench script turns into its table.
 */
public final class StartupTimer {
    /** Log fragments in the order the daemon prints them (PhoneDaemon, JainSipSignalling). */
    private static final Map<String, String> MILESTONES = new LinkedHashMap<>();
    static {
        MILESTONES.put("first log line (JVM up, config read)", "front panel:");
        MILESTONES.put("SIP stack listening", "SIP user agent on");
        MILESTONES.put("REGISTER sent", "state=Registering");
        MILESTONES.put("REGISTER 200 received", "state=Registered[");
    }
    private static final String DONE = "REGISTER 200 received";
    private static final long RUN_TIMEOUT_S = 20;

    public static void main(String[] args) throws Exception {
        int sep = Arrays.asList(args).indexOf("--");
        if (args.length < 5 || sep != 3) {
            System.err.println("usage: StartupTimer RUNS LOGDIR LABEL -- COMMAND...");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[0]);
        Path logDir = Files.createDirectories(Path.of(args[1]));
        String label = args[2];
        List<String> command = List.of(args).subList(sep + 1, args.length);

        Map<String, List<Double>> times = new LinkedHashMap<>();
        MILESTONES.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        for (int run = 1; run <= runs; run++) {
            Map<String, Double> t = runOnce(command, logDir.resolve(label + "-" + run + ".log"));
            if (!t.containsKey(DONE)) throw new IllegalStateException("run " + run + ": not registered within "
                    + RUN_TIMEOUT_S + " s; see " + logDir.resolve(label + "-" + run + ".log"));
            t.forEach((k, v) -> times.get(k).add(v));
            System.out.printf("%s run %d: registered after %.1f ms%n", label, run, t.get(DONE));
        }
        List<Double> done = times.get(DONE);
        System.out.printf("RESULT %s %.1f %.1f %.1f%n", label, median(done),
                done.stream().mapToDouble(d -> d).min().orElseThrow(), done.stream().mapToDouble(d -> d).max().orElseThrow());
        times.forEach((k, v) -> { if (!v.isEmpty()) System.out.printf("MILESTONE %s %.1f %s%n", label, median(v), k); });
    }

    private static Map<String, Double> runOnce(List<String> command, Path log) throws IOException, InterruptedException {
        Map<String, Double> stamps = new LinkedHashMap<>();
        CountDownLatch registered = new CountDownLatch(1);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
                String line;
                while ((line = in.readLine()) != null) {
                    long now = System.nanoTime();
                    out.println(line);
                    for (var m : MILESTONES.entrySet()) {
                        synchronized (stamps) {
                            if (!stamps.containsKey(m.getKey()) && line.contains(m.getValue())) {
                                stamps.put(m.getKey(), (now - t0) / 1e6);
                                if (m.getKey().equals(DONE)) registered.countDown();
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the process is stopped
            }
        }, "stderr-reader");
        reader.start();
        registered.await(RUN_TIMEOUT_S, TimeUnit.SECONDS);
        stop(p);
        reader.join(5000);
        synchronized (stamps) {
            return new LinkedHashMap<>(stamps);
        }
    }

    /** SIGTERM by PID (the daemon de-registers and exits), SIGKILL if still there after 5 s. */
    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(d -> d).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
