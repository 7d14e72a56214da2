package sipdesk.media.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code sipdesk.audio.capture = file:/path/in.wav} and {@code sipdesk.audio.playback =
 * file:/path/out.wav}: a microphone that loops a WAV file and an earpiece that records to one, for
 * tests, benches and a phone without a sound card. Any other value names a javax.sound card.
 */
public final class FileDevices {

    private static final Logger LOG = Logger.getLogger(FileDevices.class.getName());
    public static final String PREFIX = "file:";

    private FileDevices() {
    }

    /** The file a device setting names, if it is a {@code file:} setting. */
    public static Optional<Path> file(Optional<String> setting) {
        return setting.filter(s -> s.startsWith(PREFIX)).map(s -> Path.of(s.substring(PREFIX.length()).strip()));
    }

    /**
     * Opens the looping WAV microphone; empty when it cannot be read (said at FINE: it is tried every
     * few seconds, and {@link #problem} words the one warning of the outage).
     */
    public static Optional<Microphone> openMicrophone(Path path) {
        try {
            return Optional.of(WavFileMicrophone.open(path, true));
        } catch (IOException e) {
            LOG.fine(() -> "capture file " + path + ": " + e);
            return Optional.empty();
        }
    }

    /** Why the file of a {@code file:} device cannot be used, for a warning. */
    static String problem(Path path) {
        if (!Files.exists(path)) return "file " + path + " does not exist";
        if (!Files.isReadable(path)) return "file " + path + " is not readable";
        return "file " + path + " cannot be used (not a 16-bit PCM WAV, or its directory is not writable)";
    }

    /** Creates (truncates) the WAV the earpiece records to, at {@code sampleRate}. */
    public static Optional<Speaker> openSpeaker(Path path, int sampleRate) {
        try {
            return Optional.of(WavFileSpeaker.create(path, sampleRate));
        } catch (IOException e) {
            LOG.fine(() -> "playback file " + path + ": " + e);
            return Optional.empty();
        }
    }
}
