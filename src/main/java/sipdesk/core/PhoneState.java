package sipdesk.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the phone is doing. Each state carries the calls it involves; a switch over the states is
 * exhaustive, so a new state cannot be forgotten in the machine or on the screen.
 */
public sealed interface PhoneState {

    /** A call we placed that has not been answered yet. */
    record OutgoingCall(CallId id, String dialled, Progress progress, RedirectTargets redirects) {
        public enum Progress { TRYING, RINGBACK, EARLY_MEDIA }

        public OutgoingCall {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(dialled, "dialled");
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(redirects, "redirects");
        }

        public OutgoingCall withProgress(Progress p) {
            return new OutgoingCall(id, dialled, p, redirects);
        }

        public OutgoingCall withRedirects(RedirectTargets r) {
            return new OutgoingCall(id, dialled, progress, r);
        }

        /** Who we are calling now: the last redirect target followed, or what was dialled. */
        public String currentTarget() {
            return redirects.current().orElse(dialled);
        }
    }

    /** A call offered to us that has not been answered yet. */
    record RingingCall(CallId id, Party caller, Optional<Party> divertedFrom) {
        public RingingCall {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(divertedFrom, "divertedFrom");
        }
    }

    /** An answered call. {@code localHold}: we put it on hold; {@code remoteHold}: the peer did. */
    record ActiveCall(CallId id, Party peer, HistoryEntry.Direction direction, Instant answeredAt,
                      boolean localHold, boolean remoteHold) {
        public ActiveCall {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(answeredAt, "answeredAt");
        }

        public ActiveCall withLocalHold(boolean on) {
            return new ActiveCall(id, peer, direction, answeredAt, on, remoteHold);
        }

        public ActiveCall withRemoteHold(boolean on) {
            return new ActiveCall(id, peer, direction, answeredAt, localHold, on);
        }
    }

    /** On hook, nothing going on. */
    record Idle() implements PhoneState {}

    /** Off hook (or speaker on) with nothing dialled: dial tone. */
    record DialTone() implements PhoneState {}

    /** Digits typed, not sent yet. {@code preDial}: typed on hook, sent by lifting the handset or OK. */
    record Dialling(String digits, boolean preDial) implements PhoneState {}

    /** Our call is being set up: trying, ringback or early media. */
    record Calling(OutgoingCall call) implements PhoneState {}

    /** A redirect arrived and the policy is "ask": the user accepts the target with OK. */
    record ConfirmRedirect(OutgoingCall call, String target) implements PhoneState {}

    /** A call is ringing here, with no other call. */
    record IncomingRinging(RingingCall call) implements PhoneState {}

    /** Talking (or held by the peer: {@code call.remoteHold()}). */
    record Connected(ActiveCall call) implements PhoneState {}

    /** We put the only call on hold. */
    record Holding(ActiveCall call) implements PhoneState {}

    /** In a call (active or held by us) and a second call is ringing: call waiting. */
    record CallWaiting(ActiveCall current, RingingCall waiting) implements PhoneState {}

    /** Two answered calls: one active, one on hold. {@code consultation}: the active one was placed to transfer the held one. */
    record TwoCalls(ActiveCall active, ActiveCall held, boolean consultation) implements PhoneState {}

    /** The call is on hold and the user types where to transfer it. */
    record TransferDialling(ActiveCall held, String digits) implements PhoneState {}

    /** The call is on hold and the consultation call to the transfer target is being set up. */
    record Consulting(ActiveCall held, OutgoingCall consult) implements PhoneState {}

    /** A transfer was requested; waiting for its outcome. {@code consult} is the consultation call, if any. */
    record Transferring(ActiveCall call, Optional<CallId> consult, String target) implements PhoneState {}

    /** Three-way call mixed locally. */
    record Conference(ActiveCall first, ActiveCall second) implements PhoneState {}

    /** The call is over (or never started) and the handset is still up: busy, congestion or just "ended". */
    record Ended(String reason, String detail, Optional<Tone> tone) implements PhoneState {}

    /** Browsing the call history on the LCD; {@code index} 0 is the newest entry. */
    record History(int index) implements PhoneState {}

    /** The calls this state holds, for status and shutdown. */
    default List<CallId> calls() {
        return switch (this) {
            case Idle i -> List.of();
            case DialTone d -> List.of();
            case Dialling d -> List.of();
            case Calling c -> List.of(c.call().id());
            case ConfirmRedirect c -> List.of(c.call().id());
            case IncomingRinging r -> List.of(r.call().id());
            case Connected c -> List.of(c.call().id());
            case Holding h -> List.of(h.call().id());
            case CallWaiting w -> List.of(w.current().id(), w.waiting().id());
            case TwoCalls t -> List.of(t.active().id(), t.held().id());
            case TransferDialling t -> List.of(t.held().id());
            case Consulting c -> List.of(c.held().id(), c.consult().id());
            case Transferring t -> t.consult().map(o -> List.of(t.call().id(), o)).orElse(List.of(t.call().id()));
            case Conference c -> List.of(c.first().id(), c.second().id());
            case Ended e -> List.of();
            case History h -> List.of();
        };
    }
}
