package sipdesk.media.rtp;

import java.net.InetSocketAddress;
import sipdesk.media.codec.AudioCodec;
import sipdesk.media.jitter.JitterBuffer;
import sipdesk.media.jitter.TimeScaler;
import sipdesk.media.sdp.MediaPlan;

/**
 * What a session's current plan needs on the audio path, replaced as a whole when the plan changes
 * ({@link RtpSession#apply}), so that the device-clock and RTCP receiver threads each read one consistent
 * snapshot through a single volatile field.
 */
final class PlannedStream {
    final MediaPlan plan;
    final AudioCodec codec;
    final JitterBuffer jitter;
    /** Makes the jitter buffer's adjustments on the decoded audio; the playback thread's only. */
    final TimeScaler scaler;
    final int frameSamples;
    final int frameTicks;
    final int frameBytes;
    final InetSocketAddress sdpRtp;
    final InetSocketAddress sdpRtcp;
    /** Whether this plan sends audio; fixed with the plan, so the per-frame check compares no strings. */
    private final boolean sends;
    volatile boolean decoderReset;

    PlannedStream(MediaPlan plan, AudioCodec codec, JitterBuffer jitter, TimeScaler scaler) {
        this.plan = plan;
        this.codec = codec;
        this.jitter = jitter;
        this.scaler = scaler;
        this.frameSamples = codec.samplesPerFrame();
        this.frameTicks = codec.rtpTicks(frameSamples);
        this.frameBytes = codec.payloadBytes(frameSamples);
        this.sdpRtp = new InetSocketAddress(plan.remoteAddress(), plan.remotePort());
        this.sdpRtcp = new InetSocketAddress(plan.remoteAddress(), plan.remotePort() + 1);
        this.sends = plan.direction().sends() && !plan.remoteOnLegacyHold() && plan.remotePort() != 0;
    }

    boolean sends() {
        return sends;
    }
}
