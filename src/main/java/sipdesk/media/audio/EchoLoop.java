package sipdesk.media.audio;

/**
 * Diagnostics ({@code sipdesk audio echo}): plays what the microphone hears back on the speaker after
 * a delay, so a user can check both directions of a handset without a call. The delay line is
 * allocated once; frames are converted between the two devices' rates.
 */
public final class EchoLoop {

    private EchoLoop() {
    }

    /**
     * @param delayMs the echo delay, a multiple of 20 ms (a few hundred ms makes one's own voice
     *     easy to tell from side tone)
     * @param frames how many 20 ms frames to run
     * @param realTime pace by a {@link FrameClock} when neither device has a clock (false for files)
     */
    public static void run(Microphone microphone, Speaker speaker, int delayMs, int frames, boolean realTime) {
        Resampler resampler = new Resampler(microphone.sampleRate(), speaker.sampleRate());
        int delayFrames = Math.max(0, delayMs / 20);
        int out = speaker.frameSamples();
        short[] in = new short[microphone.frameSamples()];
        short[] line = new short[(delayFrames + 1) * out];
        FrameClock clock = new FrameClock(20);
        for (int f = 0; f < frames; f++) {
            if (realTime && !microphone.clocked() && !speaker.clocked()) clock.awaitNextFrame();
            microphone.read(in, 0);
            int slots = delayFrames + 1;
            resampler.frame(in, 0, line, (f % slots) * out);
            speaker.write(line, ((f + 1) % slots) * out); // the frame heard delayFrames frames ago (silence at first)
        }
    }
}
