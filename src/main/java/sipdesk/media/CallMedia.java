package sipdesk.media;

import sipdesk.core.CallId;
import sipdesk.media.audio.Resampler;
import sipdesk.media.rtp.RtpSession;
import sipdesk.media.sdp.SdpNegotiator;

/**
 * One call leg on the media side: its RTP session and offer/answer state (used by the SIP adapter's
 * thread), and the frames and resamplers between the codec's rate and the engine's (used only by
 * the handset thread; rebuilt when the codec's rate changes, never per frame).
 */
final class CallMedia {

    final CallId call;
    final RtpSession rtp;
    final SdpNegotiator sdp;

    private int rate;
    private Resampler toEngine;
    private Resampler fromEngine;
    private short[] codecFrame = new short[0];
    /** What this call said in the current frame, at the engine rate. */
    final short[] heard = new short[MediaEngine.ENGINE_FRAME];
    /** What we send this call in the current frame, at the engine rate. */
    final short[] outgoing = new short[MediaEngine.ENGINE_FRAME];
    /** Whether the current silence was reported to the core (used only by {@link SilenceTimeouts}). */
    boolean silenceReported;

    CallMedia(CallId call, RtpSession rtp, SdpNegotiator sdp) {
        this.call = call;
        this.rtp = rtp;
        this.sdp = sdp;
    }

    /** Pulls the call's next frame from its jitter buffer into {@link #heard}; silence before a plan. */
    void receive() {
        if (!ready()) {
            rtp.receivePackets();
            java.util.Arrays.fill(heard, (short) 0);
            return;
        }
        rtp.receiveFrame(codecFrame, 0);
        toEngine.frame(codecFrame, 0, heard, 0);
    }

    /** Sends {@link #outgoing}. */
    void send() {
        if (!ready()) return;
        fromEngine.frame(outgoing, 0, codecFrame, 0);
        rtp.sendFrame(codecFrame, 0);
    }

    /** The call is open but not on the handset: keep its clock and RTCP going, drop what comes. */
    void idle() {
        if (!ready()) {
            rtp.receivePackets();
            return;
        }
        rtp.receiveFrame(codecFrame, 0);
        rtp.skipFrame();
    }

    private boolean ready() {
        int r = rtp.sampleRate();
        if (r == 0) return false;
        if (r != rate) {
            rate = r;
            toEngine = new Resampler(r, MediaEngine.ENGINE_RATE);
            fromEngine = new Resampler(MediaEngine.ENGINE_RATE, r);
            codecFrame = new short[r / 50];
        }
        return true;
    }
}
