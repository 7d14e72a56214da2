package sipdesk.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Everything that can happen to the phone. Adapters post these; only the core thread handles them. */
public sealed interface PhoneEvent {

    /** The daemon started (or reloaded): draw the idle screen and register. */
    record Started() implements PhoneEvent {}

    // --- front panel -------------------------------------------------------------------------

    sealed interface FrontPanelEvent extends PhoneEvent {}

    record HookOff() implements FrontPanelEvent {}

    record HookOn() implements FrontPanelEvent {}

    /** A short on-hook (Yealink: 100-700 ms), reported by the hook switch as one event. */
    record HookFlash() implements FrontPanelEvent {}

    record KeyPress(Key key) implements FrontPanelEvent {
        public KeyPress {
            Objects.requireNonNull(key, "key");
        }
    }

    /** A key held down past the long-press time; the config maps some of these to actions. */
    record KeyLongPress(Key key) implements FrontPanelEvent {
        public KeyLongPress {
            Objects.requireNonNull(key, "key");
        }
    }

    // --- the control socket (sipdesk CLI over SSH) ---------------------------------------------

    /** Remote control from the CLI; works hands-free, whatever the handset does. */
    sealed interface ControlEvent extends PhoneEvent {}

    record ControlDial(String target) implements ControlEvent {
        public ControlDial {
            Objects.requireNonNull(target, "target");
        }
    }

    record ControlAnswer() implements ControlEvent {}

    /** Ends what is going on: hangs up the call (all calls), rejects a ringing one, cancels dialling. */
    record ControlHangup() implements ControlEvent {}

    record ControlSetDnd(boolean on) implements ControlEvent {}

    record ControlSetForward(ForwardKind kind, Forward forward) implements ControlEvent {
        public ControlSetForward {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(forward, "forward");
        }
    }

    enum ForwardKind { ALWAYS, BUSY, NO_ANSWER }

    /** The configuration was re-read: new settings apply from now on; calls in progress go on. */
    record Reconfigured(CallSettings settings) implements PhoneEvent {
        public Reconfigured {
            Objects.requireNonNull(settings, "settings");
        }
    }

    // --- timers ------------------------------------------------------------------------------

    record TimerExpired(TimerId timer) implements PhoneEvent {}

    // --- network -----------------------------------------------------------------------------

    sealed interface NetworkEvent extends PhoneEvent {}

    /**
     * A new INVITE. {@code divertedFrom} is who the call was originally for (Diversion or
     * History-Info), {@code autoAnswer} is true when the caller asked for it (Alert-Info
     * auto-answer, answer-after=0, Call-Info, intercom).
     */
    record IncomingCall(CallId call, Party caller, Optional<Party> divertedFrom, boolean autoAnswer)
            implements NetworkEvent {
        public IncomingCall {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(divertedFrom, "divertedFrom");
        }
    }

    /** The caller gave up before we answered (CANCEL): a missed call. */
    record IncomingCancelled(CallId call) implements NetworkEvent {}

    /** 100 Trying: the network has the call. */
    record Trying(CallId call) implements NetworkEvent {}

    /** 180 Ringing with no media: play ringback locally. */
    record Ringing(CallId call) implements NetworkEvent {}

    /** 183 (or 180) with SDP: the network plays the progress audio, not us. */
    record EarlyMedia(CallId call) implements NetworkEvent {}

    /** 2xx to our INVITE, or the ACK to our 200 was not needed to start talking. */
    record Answered(CallId call) implements NetworkEvent {}

    /** A final error response to our INVITE (4xx-6xx) or a transport failure (code 408/503). */
    record CallFailed(CallId call, int code, String reason) implements NetworkEvent {
        public CallFailed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A 3xx to our INVITE with every Contact it listed, in the order received. */
    record Redirected(CallId call, int code, List<RedirectTarget> targets) implements NetworkEvent {
        public Redirected {
            targets = List.copyOf(targets);
        }
    }

    record RemoteHold(CallId call) implements NetworkEvent {}

    record RemoteResume(CallId call) implements NetworkEvent {}

    /** The peer sent BYE (or the dialog died). */
    record RemoteHangup(CallId call) implements NetworkEvent {}

    /** No RTP or RTCP from a call whose media flows both ways for the configured time: its BYE was lost or the peer is gone. */
    record MediaTimeout(CallId call) implements NetworkEvent {}

    record RegistrationChanged(RegistrationState state) implements NetworkEvent {
        public RegistrationChanged {
            Objects.requireNonNull(state, "state");
        }
    }

    record DtmfReceived(CallId call, char digit) implements NetworkEvent {}

    record MessageWaiting(int newMessages, int oldMessages) implements NetworkEvent {}

    /** The peer asked us (the transferee) to call {@code target} (REFER). */
    record TransferRequested(CallId call, String target) implements NetworkEvent {}

    /** How the transfer we asked for ended (the final NOTIFY sipfrag, or the REFER's error). */
    record TransferResult(CallId call, boolean succeeded, int code) implements NetworkEvent {}
}
