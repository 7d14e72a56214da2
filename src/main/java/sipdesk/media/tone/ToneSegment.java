package sipdesk.media.tone;

import java.util.List;

/**
 * One element of a tone pattern: up to four frequencies summed (none = silence) for a duration.
 *
 * @param frequenciesHz the frequencies played together; empty for silence
 * @param durationMs how long, or 0 for "until stopped"
 * @param once whether the element is played only on the first pass (Yealink's {@code !})
 */
public record ToneSegment(List<Integer> frequenciesHz, int durationMs, boolean once) {

    public static final int MAX_FREQUENCIES = 4;

    public ToneSegment {
        frequenciesHz = List.copyOf(frequenciesHz);
        if (frequenciesHz.size() > MAX_FREQUENCIES) {
            throw new IllegalArgumentException("at most 4 frequencies: " + frequenciesHz);
        }
        if (durationMs < 0) {
            throw new IllegalArgumentException("negative duration: " + durationMs);
        }
    }

    public boolean silent() {
        return frequenciesHz.isEmpty();
    }

    public boolean continuous() {
        return durationMs == 0;
    }

    /** The element in Yealink notation, e.g. {@code !350+440/100} or {@code 0/100}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(once ? "!" : "");
        if (frequenciesHz.isEmpty()) {
            text.append('0');
        }
        for (int i = 0; i < frequenciesHz.size(); i++) {
            text.append(i == 0 ? "" : "+").append(frequenciesHz.get(i));
        }
        return continuous() ? text.toString() : text.append('/').append(durationMs).toString();
    }
}
