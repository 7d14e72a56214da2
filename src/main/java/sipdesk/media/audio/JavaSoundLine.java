package sipdesk.media.audio;

import javax.sound.sampled.DataLine;

/**
 * What a javax.sound capture and playback line share: the open line with its format, one frame's
 * preallocated bytes, and the card's clock (reads and writes block on it).
 */
abstract class JavaSoundLine<L extends DataLine> implements AudioDevice {

    final L line;
    final int channels;
    /** One 20 ms frame of 16-bit samples in the line's channels. */
    final byte[] bytes;
    private final int sampleRate;
    private final String name;

    JavaSoundLine(L line, int sampleRate, int channels, String name) {
        this.line = line;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.bytes = new byte[sampleRate / 50 * 2 * channels];
        this.name = name;
    }

    /** Bytes of this line's format per millisecond (for figures). */
    final double bytesPerMs() {
        return sampleRate * 2.0 * channels / 1000;
    }

    /** Flushed too: a capture line then holds no stale audio, a playback line no leftover of the last sound. */
    @Override
    public void pause() {
        line.stop();
        line.flush();
    }

    @Override
    public void resume() {
        line.flush();
        line.start();
    }

    @Override
    public final int sampleRate() {
        return sampleRate;
    }

    @Override
    public final boolean clocked() {
        return true;
    }

    @Override
    public final String name() {
        return name + " " + sampleRate + " Hz";
    }

    @Override
    public final String toString() {
        return name();
    }
}
