package sipdesk.media.audio;

import javax.sound.sampled.SourceDataLine;

/** A javax.sound playback line with a buffer of a few frames (LIBRARIES.md: never the 500 ms default). */
final class JavaSoundSpeaker implements Speaker {

    private final SourceDataLine line;
    private final int sampleRate;
    private final int channels;
    private final byte[] bytes;
    private final String name;

    JavaSoundSpeaker(SourceDataLine line, int sampleRate, int channels, String name) {
        this.line = line;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.bytes = new byte[sampleRate / 50 * 2 * channels];
        this.name = name;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public boolean write(short[] frame, int offset) {
        if (!line.isOpen()) return false;
        Pcm.toBytes(frame, offset, frameSamples(), channels, bytes);
        try {
            return line.write(bytes, 0, bytes.length) == bytes.length;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return false; // the card went away under the line
        }
    }

    @Override
    public boolean clocked() {
        return true;
    }

    @Override
    public String name() {
        return name + " " + sampleRate + " Hz";
    }

    @Override
    public void close() {
        line.stop();
        line.flush();
        line.close();
    }

    @Override
    public String toString() {
        return name();
    }
}
