package sipdesk.media.audio;

import java.util.Optional;

/**
 * Run in a JVM of its own by {@link RealAlsaPathTest}: opens the speaker named by args[0] through
 * {@link SoundCards}, plays 1 s of 1 kHz in 20 ms frames, prints the rate it got (or "none").
 */
public final class AlsaPlaybackProbe {

    public static void main(String[] args) {
        Optional<Speaker> opened = SoundCards.openSpeaker(Optional.of(args[0]), 16000);
        if (opened.isEmpty()) {
            System.out.println("none " + SoundCards.mixerNames());
            return;
        }
        try (Speaker speaker = opened.get()) {
            short[] frame = new short[speaker.frameSamples()];
            long n = 0;
            for (int f = 0; f < 50; f++) {
                for (int i = 0; i < frame.length; i++, n++) {
                    frame[i] = (short) (8000 * Math.sin(2 * Math.PI * 1000 * n / speaker.sampleRate()));
                }
                if (!speaker.write(frame, 0)) throw new IllegalStateException("write failed");
            }
            System.out.println("rate " + speaker.sampleRate() + " " + speaker.name());
        }
    }
}
