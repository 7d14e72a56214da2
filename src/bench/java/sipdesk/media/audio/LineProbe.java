package sipdesk.media.audio;

/**
 * Bench-only view of a card line's figures, which the phone keeps package-private: compiled with the
 * benchmarks into the phone's package (the class path, not a module, so the package may be split), it
 * reads the javax.sound line behind a {@link JavaSoundSpeaker} or {@link JavaSoundMicrophone} the
 * phone's own {@link SoundCards} opened. Nothing here changes what the line does.
 */
public final class LineProbe {

    private LineProbe() {
    }

    /** True when the device is a javax.sound line (a card), not a file, the silent stand-in or the like. */
    public static boolean isCard(AudioDevice device) {
        return device instanceof JavaSoundLine<?>;
    }

    /** The line buffer ALSA granted, in bytes. */
    public static int bufferBytes(AudioDevice device) {
        return line(device).line.getBufferSize();
    }

    /** One 20 ms frame of the line's format, in bytes. */
    public static int frameBytes(AudioDevice device) {
        return line(device).bytes.length;
    }

    public static double bytesPerMs(AudioDevice device) {
        return line(device).bytesPerMs();
    }

    public static String format(AudioDevice device) {
        return line(device).line.getFormat().toString();
    }

    /** Audio queued in a playback line now (what a frame written now plays behind), in bytes. */
    public static int queuedBytes(Speaker speaker) {
        JavaSoundLine<?> line = line(speaker);
        return line.line.getBufferSize() - line.line.available();
    }

    /** Audio captured and waiting in a capture line now, in bytes. */
    public static int waitingBytes(Microphone microphone) {
        return line(microphone).line.available();
    }

    /** Times a capture line was found full before a read ({@link JavaSoundMicrophone#overruns()}). */
    public static long overruns(Microphone microphone) {
        return ((JavaSoundMicrophone) microphone).overruns();
    }

    /** What the speaker's own figures say of its queue before each write (its close() logs the same). */
    public static String queueFigures(Speaker speaker) {
        return ((JavaSoundSpeaker) speaker).queued().describe(bytesPerMs(speaker));
    }

    /** What the microphone's own figures say of the audio waiting before each read. */
    public static String waitingFigures(Microphone microphone) {
        return ((JavaSoundMicrophone) microphone).waiting().describe(bytesPerMs(microphone));
    }

    private static JavaSoundLine<?> line(AudioDevice device) {
        if (device instanceof JavaSoundLine<?> line) return line;
        throw new IllegalArgumentException("not a sound card line: " + device);
    }
}
