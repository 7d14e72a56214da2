package sipdesk.media.audio;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import sipdesk.config.DeviceConfig;
import sipdesk.config.SipdeskConfig;
import sipdesk.media.tone.Goertzel;

/**
 * {@code sipdesk audio test [--seconds N] [--echo]}: plays a 1 kHz tone for a second on each
 * configured output (the earpiece, then the ringer when it has a device of its own), records N
 * seconds (3 by default) from the handset microphone and reports its level in dBFS, the loudest
 * 20 ms and the strongest frequency heard. {@code --echo} then plays the microphone back on the
 * earpiece with a 300 ms delay for N seconds, so one can hear both directions of a handset.
 *
 * <p>Devices are those of the daemon ({@code sipdesk.audio.*}: part of a card name, or
 * {@code file:} WAVs, see {@link FileDevices}); stop the daemon first, it holds the same cards.
 * Exit code 0 = every device opened and ran, 1 = a device could not be opened, 2 = wrong usage.
 */
public final class AudioTestCommand {
    public static final String USAGE = "usage: sipdesk audio test [--seconds N] [--echo]";
    static final int TEST_TONE_HZ = 1000;
    /** -12 dBFS: clearly audible on a handset, far from clipping on any card. */
    static final double TEST_TONE_AMPLITUDE = 0.25;
    /** The rate asked of cards; files keep their own. */
    static final int PREFERRED_RATE = 16000;
    static final int ECHO_DELAY_MS = 300;
    /** Below this the microphone is taken as dead or muted (a real one hears at least its own noise). */
    static final double SILENCE_DBFS = -70;

    private AudioTestCommand() {
    }

    public static int run(List<String> args, SipdeskConfig cfg, PrintStream out, PrintStream err) {
        int seconds = 3;
        boolean echo = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--seconds" -> {
                    Optional<Integer> n = i + 1 < args.size() ? positive(args.get(++i)) : Optional.empty();
                    if (n.isEmpty()) {
                        err.println("--seconds needs a whole number of seconds from 1 to 600");
                        err.println(USAGE);
                        return 2;
                    }
                    seconds = n.get();
                }
                case "--echo" -> echo = true;
                default -> {
                    err.println("unknown option '" + args.get(i) + "'");
                    err.println(USAGE);
                    return 2;
                }
            }
        }
        DeviceConfig devices = cfg.device();
        boolean ok = playTone("earpiece", devices.playbackDevice(), out, err);
        if (devices.ringerDevice().isPresent() && !devices.ringerDevice().equals(devices.playbackDevice())) {
            ok &= playTone("ringer", devices.ringerDevice(), out, err);
        }
        ok &= record(devices.captureDevice(), seconds, out, err);
        if (echo && ok) ok = echo(devices, seconds, out, err);
        return ok ? 0 : 1;
    }

    private static Optional<Integer> positive(String text) {
        try {
            int n = Integer.parseInt(text);
            return n >= 1 && n <= 600 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String describe(Optional<String> setting) {
        return setting.map(s -> "'" + s + "'").orElse("the default device");
    }

    static Optional<Speaker> openSpeaker(Optional<String> setting) {
        Optional<java.nio.file.Path> file = FileDevices.file(setting);
        return file.isPresent() ? FileDevices.openSpeaker(file.get(), PREFERRED_RATE)
                : SoundCards.openSpeaker(setting, PREFERRED_RATE);
    }

    static Optional<Microphone> openMicrophone(Optional<String> setting) {
        Optional<java.nio.file.Path> file = FileDevices.file(setting);
        return file.isPresent() ? FileDevices.openMicrophone(file.get()) : SoundCards.openMicrophone(setting, PREFERRED_RATE);
    }

    private static void noDevice(String role, Optional<String> setting, PrintStream err) {
        err.println(role + ": cannot open " + describe(setting) + (FileDevices.file(setting).isPresent() ? ""
                : " (cards seen: " + SoundCards.mixerNames() + ")"));
    }

    /** One second of the test tone; a card paces it, a file takes it at once. */
    private static boolean playTone(String role, Optional<String> setting, PrintStream out, PrintStream err) {
        Optional<Speaker> opened = openSpeaker(setting);
        if (opened.isEmpty()) {
            noDevice(role, setting, err);
            return false;
        }
        try (Speaker speaker = opened.get()) {
            int rate = speaker.sampleRate();
            short[] frame = new short[speaker.frameSamples()];
            long sample = 0;
            for (int f = 0; f < 50; f++) {
                for (int i = 0; i < frame.length; i++, sample++) {
                    frame[i] = (short) Math.round(TEST_TONE_AMPLITUDE * 32767 * Math.sin(2 * Math.PI * TEST_TONE_HZ * sample / rate));
                }
                if (!speaker.write(frame, 0)) {
                    err.println(role + ": " + speaker.name() + " failed while playing");
                    return false;
                }
            }
            out.printf(Locale.ROOT, "%s: played %d Hz at %.0f dBFS for 1 s on %s%n", role, TEST_TONE_HZ,
                    Goertzel.dbfs(Math.pow(TEST_TONE_AMPLITUDE * 32767, 2) / 2), speaker.name());
            return true;
        }
    }

    private static boolean record(Optional<String> setting, int seconds, PrintStream out, PrintStream err) {
        Optional<Microphone> opened = openMicrophone(setting);
        if (opened.isEmpty()) {
            noDevice("microphone", setting, err);
            return false;
        }
        try (Microphone microphone = opened.get()) {
            int n = microphone.frameSamples();
            short[] samples = new short[seconds * 50 * n];
            double loudestFrame = 0;
            for (int at = 0; at < samples.length; at += n) {
                if (!microphone.read(samples, at)) {
                    err.println("microphone: " + microphone.name() + " failed while recording");
                    return false;
                }
                loudestFrame = Math.max(loudestFrame, Goertzel.meanSquare(samples, at, n));
            }
            double level = Goertzel.dbfs(Goertzel.meanSquare(samples, 0, samples.length));
            out.printf(Locale.ROOT, "microphone: %s: level %.1f dBFS over %d s (loudest 20 ms: %.1f dBFS)%s%n",
                    microphone.name(), level, seconds, Goertzel.dbfs(loudestFrame), strongest(samples, microphone.sampleRate()));
            if (!(level > SILENCE_DBFS)) out.println("microphone: silence: is it connected, muted, or its gain at zero?");
            return true;
        }
    }

    /** ", strongest near 1000 Hz" from a Goertzel scan of the last second in 10 Hz steps (voice band). */
    private static String strongest(short[] samples, int rate) {
        int length = Math.min(samples.length, rate);
        int from = samples.length - length;
        double best = 0;
        int bestHz = 0;
        for (int hz = 100; hz <= Math.min(7000, rate / 2 - 100); hz += 10) {
            double power = new Goertzel(hz, rate).power(samples, from, length);
            if (power > best) {
                best = power;
                bestHz = hz;
            }
        }
        return best > 0 ? ", strongest near " + bestHz + " Hz" : "";
    }

    private static boolean echo(DeviceConfig devices, int seconds, PrintStream out, PrintStream err) {
        Optional<Microphone> microphone = openMicrophone(devices.captureDevice());
        Optional<Speaker> speaker = openSpeaker(devices.playbackDevice());
        try {
            if (microphone.isEmpty() || speaker.isEmpty()) {
                if (microphone.isEmpty()) noDevice("microphone", devices.captureDevice(), err);
                if (speaker.isEmpty()) noDevice("earpiece", devices.playbackDevice(), err);
                return false;
            }
            out.printf("echo: speak into the handset: you hear yourself %d ms later, for %d s%n", ECHO_DELAY_MS, seconds);
            EchoLoop.run(microphone.get(), speaker.get(), ECHO_DELAY_MS, seconds * 50, true);
            return true;
        } finally {
            microphone.ifPresent(Microphone::close);
            speaker.ifPresent(Speaker::close);
        }
    }
}
