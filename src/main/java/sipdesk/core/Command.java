package sipdesk.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Everything the core asks the adapters to do. The daemon dispatches each to one port. */
public sealed interface Command {

    // --- signalling --------------------------------------------------------------------------

    sealed interface SipCommand extends Command {}

    record Register() implements SipCommand {}

    /** A new outgoing call to what the user dialled: digits, an IP written with '*', or a URI. */
    record Dial(CallId call, String target) implements SipCommand {}

    /** Try the same call again at a redirect target (a new INVITE, with a route of its own). */
    record FollowRedirect(CallId call, String targetUri) implements SipCommand {}

    record SendRinging(CallId call) implements SipCommand {}

    record Answer(CallId call) implements SipCommand {}

    record Reject(CallId call, int code) implements SipCommand {}

    /** 302 Moved Temporarily with Contact: target (call forward). */
    record Redirect(CallId call, String target) implements SipCommand {}

    record CancelCall(CallId call) implements SipCommand {}

    record Hangup(CallId call) implements SipCommand {}

    record Hold(CallId call) implements SipCommand {}

    record Resume(CallId call) implements SipCommand {}

    /** REFER without Replaces: the peer of {@code call} is asked to call {@code target}. */
    record BlindTransfer(CallId call, String target) implements SipCommand {}

    /** REFER with Replaces: the peer of {@code transferee} is connected to the peer of {@code target}. */
    record AttendedTransfer(CallId transferee, CallId target) implements SipCommand {}

    record SendDtmf(CallId call, char digit) implements SipCommand {}

    /**
     * We are the transferee: place {@code call} to {@code target} as the REFER received on
     * {@code transferred} asked, and report its progress to the transferor (NOTIFY sipfrag).
     */
    record TransferCall(CallId transferred, CallId call, String target) implements SipCommand {}

    // --- audio -------------------------------------------------------------------------------

    sealed interface AudioCommand extends Command {}

    record PlayTone(Tone tone) implements AudioCommand {}

    record StopTone() implements AudioCommand {}

    record StartRinger() implements AudioCommand {}

    record StopRinger() implements AudioCommand {}

    /** Route these calls' audio to the handset (two calls: a local three-way conference). */
    record ConnectMedia(List<CallId> calls) implements AudioCommand {
        public ConnectMedia {
            calls = List.copyOf(calls);
        }
    }

    /** No call's audio on the handset. */
    record DisconnectMedia() implements AudioCommand {}

    // --- display -----------------------------------------------------------------------------

    record Show(Screen screen) implements Command {
        public Show {
            Objects.requireNonNull(screen, "screen");
        }
    }

    // --- timers ------------------------------------------------------------------------------

    record StartTimer(TimerId timer, Duration delay) implements Command {}

    record CancelTimer(TimerId timer) implements Command {}

    // --- diagnostics -------------------------------------------------------------------------

    /** An event the current state does not expect: refused (nothing changed), and logged by the daemon. */
    record Refused(String state, PhoneEvent event) implements Command {}

    // --- persistence -------------------------------------------------------------------------

    /** Save what the user set from the keypad and the call history (atomically). */
    record SaveState(SavedState state) implements Command {}
}
