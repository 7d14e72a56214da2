package sipdesk.media.audio;

import java.util.Locale;

/** Mean and greatest of a line's queue depth, sampled once a frame, allocation-free (the audio thread's only). */
final class LineFigures {

    private long count;
    private long sum;
    private int max;

    void add(int bytes) {
        count++;
        sum += bytes;
        max = Math.max(max, bytes);
    }

    long count() {
        return count;
    }

    double meanBytes() {
        return count == 0 ? 0 : (double) sum / count;
    }

    int maxBytes() {
        return max;
    }

    String describe(double bytesPerMs) {
        return String.format(Locale.ROOT, "mean %.1f ms, max %.1f ms over %d frames", meanBytes() / bytesPerMs,
                max / bytesPerMs, count);
    }
}
