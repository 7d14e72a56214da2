package sipdesk.media.audio;

import java.util.logging.Logger;
import javax.sound.sampled.SourceDataLine;

/**
 * A javax.sound playback line with a buffer of two frames (LIBRARIES.md: never the 500 ms default),
 * kept one frame ahead: when the line is found empty (at the start, or after the card ran dry because
 * a frame came late) a frame of silence goes first, so the frame written plays 20 to 40 ms later and
 * the next one has a frame's slack. A line that ran dry once playing is counted as an underrun.
 * On a card, writes block while the line is full, so the queue stays between one and two frames.
 */
final class JavaSoundSpeaker extends JavaSoundLine<SourceDataLine> implements Speaker {

    private static final Logger LOG = Logger.getLogger(JavaSoundSpeaker.class.getName());

    private final byte[] silence;
    private final LineFigures queued = new LineFigures();
    private boolean started;
    private boolean lastFoundEmpty;
    private volatile long underruns; // written by the playback thread only; read for status

    JavaSoundSpeaker(SourceDataLine line, int sampleRate, int channels, String name) {
        super(line, sampleRate, channels, name);
        this.silence = new byte[bytes.length];
    }

    @Override
    public boolean write(short[] frame, int offset) {
        if (!line.isOpen()) return false;
        Pcm.toBytes(frame, offset, frameSamples(), channels, bytes);
        try {
            int queuedBytes = line.getBufferSize() - line.available();
            boolean empty = queuedBytes <= 0;
            if (empty && !lastFoundEmpty) {
                if (started) underruns++;
                line.write(silence, 0, silence.length);
                queuedBytes = silence.length;
            }
            // Empty again right after a frame went in: a sink that holds nothing (ALSA's null or file
            // plugin), not a late frame; silence ahead would only add up there.
            lastFoundEmpty = empty;
            started = true;
            queued.add(queuedBytes);
            return line.write(bytes, 0, bytes.length) == bytes.length;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return false; // the card went away under the line
        }
    }

    /** The line starts empty again: primed as at the start, and the rest is not an underrun. */
    @Override
    public void resume() {
        started = false;
        lastFoundEmpty = false;
        super.resume();
    }

    /** Times the line was found empty after it had started: the card played silence of its own. */
    @Override
    public long underruns() {
        return underruns;
    }

    /** Audio still queued in the line before each write, in bytes. */
    LineFigures queued() {
        return queued;
    }

    int lineBufferBytes() {
        return line.getBufferSize();
    }

    @Override
    public void close() {
        LOG.info(() -> name() + ": " + underruns + " underruns; queued before each write " + queued.describe(bytesPerMs()));
        line.stop();
        line.flush();
        line.close();
    }
}
