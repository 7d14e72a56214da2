package sipdesk.media.codec;

/**
 * One RTP audio codec instance for one stream: encoder state for what we send, decoder state for what
 * we receive. Every method works on caller-provided primitive arrays and allocates nothing (STYLE.md
 * rule 8), so the playback and capture threads may call them once per 20 ms frame. Not thread-safe:
 * the encoder side belongs to the capture thread and the decoder side to the playback thread.
 */
public interface AudioCodec {

    /** The encoding name as written in SDP {@code a=rtpmap}, e.g. {@code PCMU}. */
    String encodingName();

    /** RFC 3551 static payload type, or -1 for a codec that only has dynamic ones (Opus later). */
    int payloadType();

    /**
     * RTP timestamp clock rate. RFC 3551 section 4.5.2: G.722 says 8000 although it samples at
     * 16000, an error of the original RFC 1890 kept for compatibility.
     */
    int clockRate();

    /** Sample rate of the linear PCM this codec encodes from and decodes to. */
    int sampleRate();

    /** PCM samples in one 20 ms frame at {@link #sampleRate()}. */
    default int samplesPerFrame() {
        return sampleRate() / 50;
    }

    /** RTP timestamp units in one frame of {@code samples} PCM samples. */
    default int rtpTicks(int samples) {
        return (int) ((long) samples * clockRate() / sampleRate());
    }

    /** Bytes of payload that {@code samples} PCM samples encode to. */
    int payloadBytes(int samples);

    /**
     * Encodes {@code samples} samples from {@code pcm[pcmOffset..]} into {@code out[outOffset..]}.
     *
     * @return the number of payload bytes written
     */
    int encode(short[] pcm, int pcmOffset, int samples, byte[] out, int outOffset);

    /**
     * Decodes {@code length} payload bytes into {@code out[outOffset..]}.
     *
     * @return the number of PCM samples written
     */
    int decode(byte[] payload, int offset, int length, short[] out, int outOffset);

    /**
     * Packet loss concealment: writes {@code samples} samples standing in for a lost frame, derived
     * from what was decoded before. Consecutive calls continue and fade the substitute; the next
     * {@link #decode} blends back into the real signal.
     *
     * @return the number of PCM samples written ({@code samples})
     */
    int conceal(short[] out, int outOffset, int samples);

    /** Forgets all history, as at the start of a new stream (new SSRC). */
    void reset();
}
