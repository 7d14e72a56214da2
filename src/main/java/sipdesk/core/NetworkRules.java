package sipdesk.core;

import java.util.List;
import java.util.Optional;
import sipdesk.core.CallSettings.RedirectPolicy;
import sipdesk.core.Command.*;
import sipdesk.core.PhoneEvent.*;
import sipdesk.core.PhoneState.*;

/** What the network's and the timers' reports do in each state. Package-private half of {@link CallControl}. */
final class NetworkRules {
    private final CallControl p;

    NetworkRules(CallControl phone) {
        this.p = phone;
    }

    void handle(NetworkEvent event) {
        switch (event) {
            case IncomingCall c -> incoming(c);
            case IncomingCancelled c -> incomingCancelled(c);
            case Trying t -> progress(t, t.call(), OutgoingCall.Progress.TRYING);
            case PhoneEvent.Ringing r -> progress(r, r.call(), OutgoingCall.Progress.RINGBACK);
            case EarlyMedia e -> progress(e, e.call(), OutgoingCall.Progress.EARLY_MEDIA);
            case Answered a -> answered(a);
            case CallFailed f -> failed(f);
            case Redirected r -> redirected(r);
            case RemoteHold h -> remoteHold(h, h.call(), true);
            case RemoteResume r -> remoteHold(r, r.call(), false);
            case RemoteHangup h -> remoteHangup(h);
            case MediaTimeout m -> mediaTimeout(m);
            case RegistrationChanged r -> p.registration = r.state();
            case DtmfReceived d -> {} // shown nowhere yet; the media side logs it
            case MessageWaiting m -> p.messagesWaiting = Math.max(0, m.newMessages());
            case TransferRequested t -> transferRequested(t);
            case TransferResult r -> transferResult(r);
        }
    }

    // --- incoming calls -----------------------------------------------------------------------

    private void incoming(IncomingCall event) {
        var user = p.saved.settings();
        var call = new RingingCall(event.call(), event.caller(), event.divertedFrom());
        if (user.always().enabled()) {
            forward(call, user.always().target());
            return;
        }
        if (user.dnd()) {
            // Yealink: DND refuses at once with features.dnd_refuse_code, no 180 first.
            p.emit(new Reject(call.id(), p.settings.dndRefuseCode()));
            p.logRinging(call, HistoryEntry.Direction.REJECTED);
            return;
        }
        switch (p.state) {
            case Idle i -> ring(call, event);
            case History h -> ring(call, event);
            case Dialling d when d.preDial() -> ring(call, event);
            case DialTone d -> {
                p.stopDialling();
                ring(call, event);
            }
            case Dialling d -> {
                p.stopDialling();
                ring(call, event);
            }
            case Ended e -> {
                p.emit(new StopTone());
                p.emit(new CancelTimer(TimerId.of(TimerId.Kind.ENDED_SCREEN)));
                p.emit(new CancelTimer(TimerId.of(TimerId.Kind.BUSY_TONE)));
                if (!p.handsetUp) p.speakerOn = false;
                ring(call, event);
            }
            case Connected c -> waitOrBusy(c.call(), call);
            case Holding h -> waitOrBusy(h.call(), call);
            default -> busy(call);
        }
    }

    private void ring(RingingCall call, IncomingCall event) {
        p.emit(new SendRinging(call.id()));
        // With the handset already up the ringer would deafen the user: a call-waiting beep instead.
        p.emit(p.handsetUp ? new PlayTone(Tone.CALL_WAITING) : new StartRinger());
        startNoAnswerForward(call);
        if (p.settings.autoAnswer() || (event.autoAnswer() && p.settings.intercomAllowed())) {
            p.emit(new StartTimer(TimerId.of(TimerId.Kind.AUTO_ANSWER, call.id()), p.settings.autoAnswerDelay()));
        }
        p.state = new IncomingRinging(call);
    }

    private void waitOrBusy(ActiveCall current, RingingCall call) {
        if (!p.settings.callWaiting()) {
            busy(call);
            return;
        }
        p.emit(new SendRinging(call.id()));
        p.emit(p.engaged() ? new PlayTone(Tone.CALL_WAITING) : new StartRinger());
        startNoAnswerForward(call);
        p.state = new CallWaiting(current, call);
    }

    /** Busy: busy-forward answers 302 instead of 486. */
    private void busy(RingingCall call) {
        var busyForward = p.saved.settings().busy();
        if (busyForward.enabled()) {
            forward(call, busyForward.target());
        } else {
            p.emit(new Reject(call.id(), 486));
            p.logRinging(call, HistoryEntry.Direction.MISSED);
        }
    }

    void forward(RingingCall call, String target) {
        p.emit(new Redirect(call.id(), target));
        p.logRinging(call, HistoryEntry.Direction.FORWARDED);
    }

    private void startNoAnswerForward(RingingCall call) {
        var noAnswer = p.saved.settings().noAnswer();
        // Yealink: active DND turns local no-answer forward off (DND already refused the call here).
        if (noAnswer.enabled()) {
            p.emit(new StartTimer(TimerId.of(TimerId.Kind.NO_ANSWER_FORWARD, call.id()), p.settings.noAnswerForwardDelay()));
        }
    }

    private void incomingCancelled(IncomingCancelled event) {
        switch (p.state) {
            case IncomingRinging r when r.call().id().equals(event.call()) -> {
                p.stopRinging(r.call().id());
                p.logRinging(r.call(), HistoryEntry.Direction.MISSED);
                p.lineFree();
            }
            case CallWaiting w when w.waiting().id().equals(event.call()) -> {
                p.stopRinging(w.waiting().id());
                p.logRinging(w.waiting(), HistoryEntry.Direction.MISSED);
                p.state = w.current().localHold() ? new Holding(w.current()) : new Connected(w.current());
            }
            default -> p.refuse(event);
        }
    }

    // --- outgoing calls -----------------------------------------------------------------------

    private void progress(NetworkEvent event, CallId id, OutgoingCall.Progress progress) {
        switch (p.state) {
            case Calling c when c.call().id().equals(id) -> p.state = new Calling(advance(c.call(), progress));
            case Consulting c when c.consult().id().equals(id) ->
                    p.state = new Consulting(c.held(), advance(c.consult(), progress));
            default -> p.refuse(event);
        }
    }

    private OutgoingCall advance(OutgoingCall call, OutgoingCall.Progress progress) {
        switch (progress) {
            case TRYING -> {}
            case RINGBACK -> {
                if (call.progress() != OutgoingCall.Progress.RINGBACK) p.emit(new PlayTone(Tone.RINGBACK));
            }
            case EARLY_MEDIA -> {
                // RFC 3960: the network plays the progress audio, so the local ringback stops.
                p.emit(new StopTone());
                p.emit(new ConnectMedia(List.of(call.id())));
            }
        }
        return call.withProgress(progress);
    }

    private void answered(Answered event) {
        switch (p.state) {
            case Calling c when c.call().id().equals(event.call()) -> {
                p.emit(new StopTone());
                p.emit(new ConnectMedia(List.of(c.call().id())));
                p.state = new Connected(connected(c.call()));
            }
            case Consulting c when c.consult().id().equals(event.call()) -> {
                p.emit(new StopTone());
                p.emit(new ConnectMedia(List.of(c.consult().id())));
                p.state = new TwoCalls(connected(c.consult()), c.held(), true);
            }
            default -> p.refuse(event);
        }
    }

    private ActiveCall connected(OutgoingCall call) {
        return new ActiveCall(call.id(), Party.of(call.currentTarget()), HistoryEntry.Direction.OUTGOING,
                p.clock.instant(), false, false);
    }

    private void failed(CallFailed event) {
        switch (p.state) {
            case Calling c when c.call().id().equals(event.call()) -> {
                var redirects = c.call().redirects();
                // RFC 3261 8.1.3.4: a failed target moves on to the next one; a 6xx ends the search.
                if (event.code() < 600 && redirects.current().isPresent() && redirects.next().isPresent()) {
                    follow(c.call(), redirects, redirects.next().get());
                    return;
                }
                p.logUnanswered(c.call());
                p.ended(reason(event), Party.of(c.call().currentTarget()).number(), Optional.of(toneFor(event.code())));
                if (event.code() == 486 || event.code() == 600) startBusyToneTimer();
            }
            case Consulting c when c.consult().id().equals(event.call()) -> {
                p.logUnanswered(c.consult());
                p.emit(new StopTone());
                p.state = new Holding(c.held());
            }
            default -> p.refuse(event);
        }
    }

    /** Busy tone for 486 and 600, congestion for the rest (Yealink). */
    private static Tone toneFor(int code) {
        return code == 486 || code == 600 ? Tone.BUSY : Tone.CONGESTION;
    }

    private static String reason(CallFailed event) {
        return switch (event.code()) {
            case 486, 600 -> "Busy";
            case 404, 604 -> "Not found";
            case 480 -> "Unavailable";
            case 403, 603 -> "Declined";
            case 408 -> "No answer";
            case 487 -> "Cancelled";
            case 488 -> "No common codec";
            default -> event.reason().isBlank() ? "Failed " + event.code() : event.code() + " " + event.reason();
        };
    }

    private void startBusyToneTimer() {
        if (!p.settings.busyToneDelay().isZero()) {
            p.emit(new StartTimer(TimerId.of(TimerId.Kind.BUSY_TONE), p.settings.busyToneDelay()));
        }
    }

    private void redirected(Redirected event) {
        if (!(p.state instanceof Calling c) || !c.call().id().equals(event.call())) {
            p.refuse(event);
            return;
        }
        var call = c.call();
        var targets = call.redirects().learn(event.targets());
        var next = targets.next();
        String first = event.targets().isEmpty() ? "" : Party.of(event.targets().get(0).uri()).number();
        if (p.settings.redirectPolicy() == RedirectPolicy.NEVER) {
            p.logUnanswered(call);
            p.ended("Moved", first, Optional.of(Tone.CONGESTION));
        } else if (next.isEmpty()) {
            p.logUnanswered(call);
            p.ended("Forward failed", targets.hops() >= targets.max() ? "too many hops" : first,
                    Optional.of(Tone.CONGESTION));
        } else if (p.settings.redirectPolicy() == RedirectPolicy.ASK) {
            p.emit(new StopTone());
            p.state = new ConfirmRedirect(call.withRedirects(targets), next.get().uri());
        } else {
            follow(call, targets, next.get());
        }
    }

    /** Calls the next redirect target; the screen shows "Forwarded to". */
    void follow(OutgoingCall call, RedirectTargets targets, RedirectTarget next) {
        p.emit(new StopTone());
        p.emit(new FollowRedirect(call.id(), next.uri()));
        p.state = new Calling(call.withRedirects(targets.follow(next)).withProgress(OutgoingCall.Progress.TRYING));
    }

    // --- established calls --------------------------------------------------------------------

    private void remoteHold(NetworkEvent event, CallId id, boolean on) {
        switch (p.state) {
            case Connected c when c.call().id().equals(id) -> p.state = new Connected(c.call().withRemoteHold(on));
            case Holding h when h.call().id().equals(id) -> p.state = new Holding(h.call().withRemoteHold(on));
            case CallWaiting w when w.current().id().equals(id) ->
                    p.state = new CallWaiting(w.current().withRemoteHold(on), w.waiting());
            case TwoCalls t when t.active().id().equals(id) ->
                    p.state = new TwoCalls(t.active().withRemoteHold(on), t.held(), t.consultation());
            case TwoCalls t when t.held().id().equals(id) ->
                    p.state = new TwoCalls(t.active(), t.held().withRemoteHold(on), t.consultation());
            default -> p.refuse(event);
        }
    }

    private void remoteHangup(RemoteHangup event) {
        CallId id = event.call();
        switch (p.state) {
            case Calling c when c.call().id().equals(id) -> {
                p.logUnanswered(c.call());
                p.ended("Call ended", Party.of(c.call().currentTarget()).number(), Optional.empty());
            }
            case Connected c when c.call().id().equals(id) -> callOver(c.call());
            case Holding h when h.call().id().equals(id) -> callOver(h.call());
            case CallWaiting w when w.current().id().equals(id) -> {
                p.logCall(w.current());
                p.emit(new StopTone());
                p.emit(new DisconnectMedia());
                p.speakerOn = false;
                p.ringAgain(w.waiting());
            }
            case TwoCalls t when t.active().id().equals(id) -> {
                p.logCall(t.active());
                p.emit(new DisconnectMedia());
                p.state = new Holding(t.held());
            }
            case TwoCalls t when t.held().id().equals(id) -> {
                p.logCall(t.held());
                p.state = new Connected(t.active());
            }
            case TransferDialling t when t.held().id().equals(id) -> callOver(t.held());
            case Consulting c when c.held().id().equals(id) -> {
                p.logCall(c.held());
                p.state = new Calling(c.consult());
            }
            case Transferring t when t.call().id().equals(id) -> transferDone(t);
            case Transferring t when t.consult().equals(Optional.of(id)) -> {} // the target dropped our leg: expected
            case Conference c when c.first().id().equals(id) -> leaveConference(c.first(), c.second());
            case Conference c when c.second().id().equals(id) -> leaveConference(c.second(), c.first());
            default -> p.refuse(event);
        }
    }

    /** An answered call went silent both ways: hang it up (BYE) and go on as if the peer had. */
    private void mediaTimeout(MediaTimeout event) {
        CallId id = event.call();
        boolean answered = switch (p.state) {
            case Connected c -> c.call().id().equals(id);
            case Holding h -> h.call().id().equals(id);
            case CallWaiting w -> w.current().id().equals(id);
            case TwoCalls t -> t.active().id().equals(id) || t.held().id().equals(id);
            case TransferDialling t -> t.held().id().equals(id);
            case Consulting c -> c.held().id().equals(id);
            case Conference c -> c.first().id().equals(id) || c.second().id().equals(id);
            default -> false;
        };
        if (!answered) {
            p.refuse(event);
            return;
        }
        p.emit(new Hangup(id));
        remoteHangup(new RemoteHangup(id));
    }

    /** The peer hung up the only call: Yealink plays busy tone for features.busy_tone_delay seconds. */
    private void callOver(ActiveCall call) {
        p.logCall(call);
        boolean busyTone = p.handsetUp && !p.settings.busyToneDelay().isZero();
        p.ended("Call ended", call.peer().label(), busyTone ? Optional.of(Tone.BUSY) : Optional.empty());
        if (busyTone) startBusyToneTimer();
    }

    private void leaveConference(ActiveCall gone, ActiveCall stays) {
        p.logCall(gone);
        p.emit(new ConnectMedia(List.of(stays.id())));
        p.state = new Connected(stays);
    }

    // --- transfer -----------------------------------------------------------------------------

    /** We are the transferee: call the target; the transferor ends our old call when it sees it work. */
    private void transferRequested(TransferRequested event) {
        ActiveCall old = switch (p.state) {
            case Connected c when c.call().id().equals(event.call()) -> c.call();
            case Holding h when h.call().id().equals(event.call()) -> h.call();
            default -> null;
        };
        if (old == null) {
            p.refuse(event);
            return;
        }
        p.logCall(old);
        CallId next = p.newCallId();
        p.emit(new DisconnectMedia());
        p.emit(new TransferCall(old.id(), next, event.target()));
        if (!p.engaged()) p.speakerOn = true;
        p.state = new Calling(new OutgoingCall(next, event.target(), OutgoingCall.Progress.TRYING,
                RedirectTargets.none(p.settings.redirectMax())));
    }

    private void transferResult(TransferResult event) {
        if (!(p.state instanceof Transferring t) || !t.call().id().equals(event.call())) {
            p.refuse(event);
            return;
        }
        if (event.succeeded()) {
            transferDone(t);
        } else {
            // The transferee stays with us, on hold; the consultation call (if any) is still up.
            p.state = new Holding(t.call());
            t.consult().ifPresent(c -> p.emit(new Hangup(c)));
        }
    }

    private void transferDone(Transferring t) {
        p.emit(new Hangup(t.call().id()));
        t.consult().ifPresent(c -> p.emit(new Hangup(c)));
        p.logCall(t.call());
        p.ended("Transferred", Party.of(t.target()).number(), Optional.empty());
    }
}
