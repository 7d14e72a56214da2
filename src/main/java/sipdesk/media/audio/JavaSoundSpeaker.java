package sipdesk.media.audio;

import javax.sound.sampled.SourceDataLine;

/** A javax.sound playback line with a buffer of a few frames (LIBRARIES.md: never the 500 ms default). */
final class JavaSoundSpeaker extends JavaSoundLine<SourceDataLine> implements Speaker {

    JavaSoundSpeaker(SourceDataLine line, int sampleRate, int channels, String name) {
        super(line, sampleRate, channels, name);
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
    public void close() {
        line.stop();
        line.flush();
        line.close();
    }
}
