package sipdesk.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import sipdesk.media.audio.WavFile;
import sipdesk.testing.RunningPhone;
import sipdesk.testing.peers.FreePorts;
import sipdesk.testing.peers.Kamailio;
import sipdesk.testing.peers.PortReservation;

/**
 * The whole phone in-process ({@link RunningPhone}), registered at kamailio, with file devices: its microphone loops a
 * WAV of a tone the test generates and its earpiece records to a WAV the test reads. Driven through
 * the control socket; the daemon's "network: ..." log lines are kept to see DtmfReceived.
 */
final class TwoWayAudioFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final int PHONE_TONE_HZ = 1100;
    static final int PHONE_RATE = 16000;
    /** The phone's tone: 0.3 of full scale, -10.5 dBFS. */
    static final double PHONE_TONE_AMPLITUDE = 0.3;
    static final double PHONE_TONE_DBFS = 20 * Math.log10(PHONE_TONE_AMPLITUDE);
    /** The number kamailio routes to {@link #sippPort} (a sipp UAS started by a test). */
    static final String SIPP_NUMBER = "2000";

    final Path dir;
    final Kamailio kamailio;
    final RunningPhone phone;
    final PhoneDaemon daemon;
    final Path heard;
    final PortReservation sippPort;
    final List<String> networkLog;
    private final Handler logTap;
    private final Logger daemonLog = Logger.getLogger(PhoneDaemon.class.getName());

    private TwoWayAudioFixture(PortReservation sippPort, Path dir, Kamailio kamailio, RunningPhone phone, Path heard, List<String> networkLog, Handler logTap) {
        this.sippPort = sippPort;
        this.dir = dir;
        this.kamailio = kamailio;
        this.phone = phone;
        this.daemon = phone.daemon;
        this.heard = heard;
        this.logTap = logTap;
        this.networkLog = networkLog;
    }

    /** @param codecLines the phone's {@code account.1.codec.*} lines, to force one codec */
    static TwoWayAudioFixture start(Path dir, String codecLines) throws Exception {
        PortReservation sipp = PortReservation.take();
        Kamailio kamailio = Kamailio.builder().user("1001", "secret1").user("1005", "secret5")
                .route(SIPP_NUMBER, sipp.port).start(dir);
        Path says = dir.resolve("phone-says.wav");
        writeTone(says, PHONE_TONE_HZ, PHONE_RATE, PHONE_TONE_AMPLITUDE, 2);
        Path heard = dir.resolve("phone-heard.wav");
        Path cfg = dir.resolve("sipdesk.cfg");
        Files.writeString(cfg, """
                #!version:1.0.0.1
                account.1.enable = 1
                account.1.label = Desk 1001
                account.1.user_name = 1001
                account.1.password = secret1
                account.1.sip_server.1.address = 127.0.0.1
                account.1.sip_server.1.port = %d
                account.1.sip_server.1.expires = 300
                sipdesk.sip.local_address = 127.0.0.1
                sipdesk.sip.local_port = %d
                sipdesk.audio.capture = file:%s
                sipdesk.audio.playback = file:%s
                %s
                """.formatted(kamailio.port, FreePorts.udpAndTcp(), says, heard, codecLines));
        List<String> networkLog = new CopyOnWriteArrayList<>();
        Handler tap = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String m = record.getMessage();
                if (m != null && m.contains("network: ")) networkLog.add(m);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        tap.setLevel(Level.ALL);
        Logger.getLogger(PhoneDaemon.class.getName()).addHandler(tap);
        RunningPhone phone;
        try {
            phone = RunningPhone.start(cfg, dir, "auto");
        } catch (Exception | Error e) {
            Logger.getLogger(PhoneDaemon.class.getName()).removeHandler(tap);
            kamailio.close();
            sipp.close();
            throw e;
        }
        TwoWayAudioFixture f = new TwoWayAudioFixture(sipp, dir, kamailio, phone, heard, networkLog, tap);
        f.awaitStatus("registration: registered sip:1001@");
        return f;
    }

    /** A mono 16-bit WAV holding a sine of {@code hz} at {@code amplitude} of full scale. */
    static void writeTone(Path path, int hz, int rate, double amplitude, int seconds) throws IOException {
        short[] s = new short[rate * seconds];
        for (int i = 0; i < s.length; i++) s[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
        WavFile.write(path, s, s.length, rate);
    }

    String cli(String... words) {
        return phone.cli(words);
    }

    String awaitStatus(String text) throws InterruptedException {
        return phone.awaitStatus(text);
    }

    String baresipAccount(String extra) {
        return "<sip:1005@127.0.0.1:" + kamailio.port + ">;auth_pass=secret5;regint=600" + extra;
    }

    /**
     * Samples written to the earpiece file so far, from its length: its header is only rewritten
     * once a second, so it may count up to a second less.
     */
    long writtenSamples() throws IOException {
        return (Files.size(heard) - 44) / 2;
    }

    /**
     * Waits until the earpiece has recorded {@code seconds} more, then measures the last 1.2 s of
     * it (three 400 ms blocks): audio from well inside the call.
     */
    ToneInRecording measureHeardAfter(double seconds, double hz) throws IOException, InterruptedException {
        long want = writtenSamples() + (long) (seconds * PHONE_RATE);
        Instant end = Instant.now().plus(WAIT);
        WavFile.Audio audio = WavFile.read(heard);
        while (audio.samples().length < want && Instant.now().isBefore(end)) {
            Thread.sleep(100); // polling interval
            audio = WavFile.read(heard);
        }
        int n = audio.samples().length;
        assertTrue(n >= want, "earpiece file stopped growing at " + n + " samples");
        return ToneInRecording.measure(audio, n - PHONE_RATE * 6 / 5, PHONE_RATE * 6 / 5, hz);
    }

    /** Waits until a DtmfReceived for each digit has been logged, in order; returns the digits seen. */
    String awaitDtmf(String digits) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        String seen = dtmfSeen();
        while (!seen.contains(digits) && Instant.now().isBefore(end)) {
            Thread.sleep(50); // polling interval
            seen = dtmfSeen();
        }
        assertTrue(seen.contains(digits), "phone saw DTMF '" + seen + "', expected '" + digits + "'; log: " + networkLog);
        return seen;
    }

    String dtmfSeen() {
        StringBuilder b = new StringBuilder();
        for (String line : networkLog) {
            int at = line.indexOf("DtmfReceived[");
            if (at < 0) continue;
            int d = line.indexOf("digit=", at);
            if (d >= 0) b.append(line.charAt(d + "digit=".length()));
        }
        return b.toString();
    }

    /**
     * baresip's recording of its latest call, once finished: {@code "dec"} is what it received,
     * {@code "enc"} what it sent (sndfile's dumps). baresip logs the end of the call before sndfile
     * closes the file and writes its sizes.
     */
    static Path finishedRecording(Path recordings, String stream, double minSeconds) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (true) {
            Optional<Path> latest;
            try (Stream<Path> files = Files.list(recordings)) {
                latest = files.filter(p -> p.getFileName().toString().endsWith("-" + stream + ".wav"))
                        .max(java.util.Comparator.comparing(Path::toString));
            }
            if (latest.isPresent()) {
                WavFile.Audio audio = WavFile.read(latest.get());
                if (audio.samples().length >= minSeconds * audio.sampleRate()) return latest.get();
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("baresip's recording in " + recordings + " never reached " + minSeconds + " s: " + latest);
            }
            Thread.sleep(50); // polling interval
        }
    }

    @Override
    public void close() {
        try {
            phone.close();
        } finally {
            daemonLog.removeHandler(logTap);
            kamailio.close();
            sippPort.close();
        }
    }
}
