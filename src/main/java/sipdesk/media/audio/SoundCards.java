package sipdesk.media.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * Finds and opens javax.sound lines. A card is chosen by a part of its mixer name from the config
 * ({@code sipdesk.playback_device = USB}), never by index: ALSA mixers are named
 * {@code <card id> [plughw:C,D]} and USB and HDMI cards swap numbers between boots. An empty name
 * takes ALSA's {@code default}. Rates are tried in order: the one asked for, then what cards commonly
 * support (many USB cards do only 48 kHz); mono first, then stereo. Every line gets a buffer of
 * {@link #BUFFER_FRAMES} frames of 20 ms: the earpiece keeps one frame queued ahead of the one being
 * written (see {@link JavaSoundSpeaker}), the microphone is read a frame at a time as the card fills
 * it, so each way the card adds at most 40 ms. The size ALSA grants is logged.
 */
public final class SoundCards {

    private static final Logger LOG = Logger.getLogger(SoundCards.class.getName());
    public static final int BUFFER_FRAMES = 2;
    private static final int[] COMMON_RATES = {16000, 48000, 44100, 32000, 8000};

    private SoundCards() {
    }

    /** The names of the mixers javax.sound sees (for {@code sipdesk audio list} and log lines). */
    public static List<String> mixerNames() {
        List<String> names = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) names.add(info.getName() + " - " + info.getDescription());
        return names;
    }

    public static Optional<Speaker> openSpeaker(Optional<String> nameContains, int preferredRate) {
        for (Candidate c : candidates(nameContains, SourceDataLine.class, preferredRate)) {
            try {
                SourceDataLine line = (SourceDataLine) c.mixer.getLine(c.info);
                line.open(c.format, bufferBytes(c.format));
                line.start();
                logGranted("playback", c, line);
                return Optional.of(new JavaSoundSpeaker(line, (int) c.format.getSampleRate(), c.format.getChannels(),
                        c.mixer.getMixerInfo().getName()));
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                LOG.fine(() -> "playback " + c + ": " + e);
            }
        }
        return Optional.empty();
    }

    public static Optional<Microphone> openMicrophone(Optional<String> nameContains, int preferredRate) {
        for (Candidate c : candidates(nameContains, TargetDataLine.class, preferredRate)) {
            try {
                TargetDataLine line = (TargetDataLine) c.mixer.getLine(c.info);
                line.open(c.format, bufferBytes(c.format));
                line.start();
                logGranted("capture", c, line);
                return Optional.of(new JavaSoundMicrophone(line, (int) c.format.getSampleRate(), c.format.getChannels(),
                        c.mixer.getMixerInfo().getName()));
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                LOG.fine(() -> "capture " + c + ": " + e);
            }
        }
        return Optional.empty();
    }

    private static void logGranted(String direction, Candidate c, DataLine line) {
        LOG.info(() -> direction + " " + c + ": line buffer " + bytesToMs(line.getBufferSize(), c.format)
                + " ms (" + line.getBufferSize() + " bytes; asked for " + bufferBytes(c.format) + ")");
    }

    static int bytesToMs(int bytes, AudioFormat format) {
        return Math.round(bytes * 1000f / (format.getSampleRate() * format.getFrameSize()));
    }

    private static int bufferBytes(AudioFormat format) {
        return (int) format.getSampleRate() / 50 * format.getFrameSize() * BUFFER_FRAMES;
    }

    private record Candidate(Mixer mixer, DataLine.Info info, AudioFormat format) {
        @Override
        public String toString() {
            return mixer.getMixerInfo().getName() + " " + format;
        }
    }

    /** Every (mixer, format) worth trying, best first; empty when there is no card at all. */
    private static List<Candidate> candidates(Optional<String> nameContains, Class<?> lineClass, int preferredRate) {
        List<Candidate> out = new ArrayList<>();
        String wanted = nameContains.map(s -> s.toLowerCase(Locale.ROOT)).orElse("default");
        for (Mixer.Info mixerInfo : AudioSystem.getMixerInfo()) {
            String name = (mixerInfo.getName() + " " + mixerInfo.getDescription()).toLowerCase(Locale.ROOT);
            if (!name.contains(wanted)) continue;
            Mixer mixer;
            try {
                mixer = AudioSystem.getMixer(mixerInfo);
            } catch (IllegalArgumentException | SecurityException e) {
                continue;
            }
            for (int rate : rates(preferredRate)) {
                for (int channels = 1; channels <= 2; channels++) {
                    AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
                    DataLine.Info info = new DataLine.Info(lineClass, format);
                    if (mixer.isLineSupported(info)) out.add(new Candidate(mixer, info, format));
                }
            }
        }
        return out;
    }

    private static int[] rates(int preferred) {
        return java.util.stream.IntStream.concat(java.util.stream.IntStream.of(preferred),
                java.util.stream.IntStream.of(COMMON_RATES)).distinct().toArray();
    }
}
