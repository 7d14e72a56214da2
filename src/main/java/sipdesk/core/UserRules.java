package sipdesk.core;

import java.util.List;
import java.util.Optional;
import sipdesk.core.Command.*;
import sipdesk.core.PhoneEvent.*;
import sipdesk.core.PhoneState.*;
import sipdesk.core.dial.DigitMap;

/** What the hook, the keys and the soft keys do in each state. Package-private half of {@link CallControl}. */
final class UserRules {
    private final CallControl p;

    UserRules(CallControl phone) {
        this.p = phone;
    }

    void handle(FrontPanelEvent event) {
        switch (event) {
            case HookOff h -> hookOff(h);
            case HookOn h -> hookOn(h);
            case HookFlash f -> flash(f);
            case KeyPress k when k.key().isDialKey() -> digit(k, k.key().symbol());
            case KeyPress k -> key(k);
            case KeyLongPress k -> {
                // Yealink-style shortcut: a long # toggles DND.
                if (k.key() == Key.POUND) {
                    undoPound();
                    toggleDnd();
                } else {
                    p.refuse(k);
                }
            }
        }
    }

    // --- remote control ------------------------------------------------------------------------

    void control(ControlEvent event) {
        switch (event) {
            case ControlDial d -> {
                if (d.target().isBlank()) {
                    p.refuse(event);
                    return;
                }
                switch (p.state) {
                    case Idle i -> {
                        p.speakerOn = true;
                        p.dial(d.target());
                    }
                    case History h -> {
                        p.speakerOn = true;
                        p.dial(d.target());
                    }
                    case Dialling dl when dl.preDial() -> {
                        p.speakerOn = true;
                        p.dial(d.target());
                    }
                    case DialTone t -> p.dial(d.target());
                    case Dialling dl -> p.dial(d.target());
                    default -> p.refuse(event);
                }
            }
            case ControlAnswer a -> {
                switch (p.state) {
                    case IncomingRinging r -> {
                        if (!p.engaged()) p.speakerOn = true;
                        p.answer(r.call());
                    }
                    case CallWaiting w -> acceptWaiting(w);
                    default -> p.refuse(event);
                }
            }
            case ControlHangup h -> {
                if (p.state instanceof IncomingRinging r) {
                    p.stopRinging(r.call().id());
                    p.emit(new Reject(r.call().id(), p.settings.normalRefuseCode()));
                    p.logRinging(r.call(), HistoryEntry.Direction.REJECTED);
                    p.lineFree();
                    return;
                }
                if (p.state instanceof Idle) {
                    p.refuse(event);
                    return;
                }
                p.speakerOn = false;
                release(event);
                if (p.state instanceof Holding held) {
                    // A remote hang-up ends the held call too: nobody is at the phone to resume it.
                    p.emit(new Hangup(held.call().id()));
                    p.logCall(held.call());
                    p.state = new Idle();
                }
            }
            case ControlSetDnd d -> p.saved = p.saved.withSettings(p.saved.settings().withDnd(d.on()));
            case ControlSetForward f -> {
                var s = p.saved.settings();
                p.saved = p.saved.withSettings(switch (f.kind()) {
                    case ALWAYS -> s.withAlways(f.forward());
                    case BUSY -> s.withBusy(f.forward());
                    case NO_ANSWER -> s.withNoAnswer(f.forward());
                });
            }
        }
    }

    // --- hook and speaker ---------------------------------------------------------------------

    private void hookOff(HookOff event) {
        if (p.handsetUp) {
            p.refuse(event);
            return;
        }
        boolean wasEngaged = p.engaged();
        p.handsetUp = true;
        p.speakerOn = false;
        if (!wasEngaged) seize(event);
    }

    private void hookOn(HookOn event) {
        if (!p.handsetUp) {
            p.refuse(event);
            return;
        }
        p.handsetUp = false;
        if (!p.speakerOn) release(event);
    }

    private void speaker(KeyPress event) {
        if (!p.engaged()) {
            p.speakerOn = true;
            seize(event);
        } else if (p.speakerOn) {
            p.speakerOn = false;
            release(event);
        } else {
            p.speakerOn = true; // handset to speaker: putting the handset down now keeps the call
        }
    }

    /** The user takes the line (handset lifted or speaker pressed) when nobody had it. */
    private void seize(PhoneEvent event) {
        switch (p.state) {
            case Idle i -> {
                Optional<String> hotline = p.settings.hotline();
                if (hotline.isPresent()) p.dial(hotline.get());
                else p.dialTone();
            }
            case Dialling d when d.preDial() -> p.dial(d.digits());
            case IncomingRinging r -> p.answer(r.call());
            case CallWaiting w -> acceptWaiting(w);
            case History h -> dialHistoryEntry(h, event);
            case Ended e -> {
                p.emit(new CancelTimer(TimerId.of(TimerId.Kind.ENDED_SCREEN)));
                p.dialTone();
            }
            // A parked held call stays held until HOLD resumes it; a transfer finishes by itself.
            case Holding h -> {}
            case Transferring t -> {}
            default -> p.refuse(event);
        }
    }

    /** The user gives the line back (handset down, or speaker off). */
    private void release(PhoneEvent event) {
        switch (p.state) {
            case Idle i -> {}
            case DialTone d -> {
                p.stopDialling();
                p.state = new Idle();
            }
            case Dialling d -> {
                p.stopDialling();
                p.state = new Idle();
            }
            case Calling c -> {
                p.emit(new CancelCall(c.call().id()));
                p.logUnanswered(c.call());
                p.emit(new DisconnectMedia());
                goIdle();
            }
            case ConfirmRedirect c -> {
                p.logUnanswered(c.call());
                goIdle();
            }
            case IncomingRinging r -> {
                // It was ringing while the handset was up: now it rings out loud.
                p.emit(new StopTone());
                p.emit(new StartRinger());
            }
            case Connected c -> {
                p.emit(new Hangup(c.call().id()));
                p.logCall(c.call());
                p.emit(new DisconnectMedia());
                goIdle();
            }
            case Holding h -> p.emit(new DisconnectMedia()); // parked on hold
            case CallWaiting w when w.current().localHold() -> {
                p.emit(new StopTone());
                p.emit(new StartRinger());
            }
            case CallWaiting w -> {
                p.emit(new Hangup(w.current().id()));
                p.logCall(w.current());
                p.emit(new StopTone());
                p.emit(new DisconnectMedia());
                p.emit(new StartRinger());
                p.state = new IncomingRinging(w.waiting());
            }
            case TwoCalls t when t.consultation() -> attendedTransfer(t.held(), t.active().id(), t.active().peer().uri());
            case TwoCalls t -> {
                p.emit(new Hangup(t.active().id()));
                p.logCall(t.active());
                p.emit(new DisconnectMedia());
                p.state = new Holding(t.held());
            }
            case TransferDialling t -> {
                p.emit(new StopTone());
                p.state = new Holding(t.held());
            }
            // Yealink's semi-attended transfer: hanging up while the target still rings transfers.
            case Consulting c -> attendedTransfer(c.held(), c.consult().id(), c.consult().currentTarget());
            case Transferring t -> {}
            case Conference c -> {
                p.emit(new Hangup(c.first().id()));
                p.emit(new Hangup(c.second().id()));
                p.logCall(c.first());
                p.logCall(c.second());
                p.emit(new DisconnectMedia());
                goIdle();
            }
            case Ended e -> {
                p.emit(new StopTone());
                p.emit(new CancelTimer(TimerId.of(TimerId.Kind.BUSY_TONE)));
                p.emit(new CancelTimer(TimerId.of(TimerId.Kind.ENDED_SCREEN)));
                p.state = new Idle();
            }
            case History h -> p.state = new Idle();
        }
    }

    private void goIdle() {
        p.emit(new StopTone());
        p.emit(new CancelTimer(TimerId.of(TimerId.Kind.ENDED_SCREEN)));
        p.state = new Idle();
    }

    private void flash(HookFlash event) {
        switch (p.state) {
            case Connected c -> startTransfer(c.call(), true);
            case CallWaiting w -> acceptWaiting(w);
            case TwoCalls t -> swap(t);
            case TransferDialling t -> resume(t.held());
            case Consulting c -> {
                p.emit(new CancelCall(c.consult().id()));
                p.logUnanswered(c.consult());
                resume(c.held());
            }
            default -> p.refuse(event);
        }
    }

    // --- dial keys --------------------------------------------------------------------------

    private void digit(KeyPress event, char c) {
        switch (p.state) {
            case Idle i -> p.state = new Dialling(String.valueOf(c), true);
            case DialTone d -> {
                p.stopDialling();
                collect("", c, false);
            }
            case Dialling d -> collect(d.digits(), c, d.preDial());
            case Connected con -> p.emit(new SendDtmf(con.call().id(), c));
            case TwoCalls t -> p.emit(new SendDtmf(t.active().id(), c));
            case CallWaiting w when !w.current().localHold() -> p.emit(new SendDtmf(w.current().id(), c));
            case Conference con -> {
                p.emit(new SendDtmf(con.first().id(), c));
                p.emit(new SendDtmf(con.second().id(), c));
            }
            case Calling call when call.call().progress() == OutgoingCall.Progress.EARLY_MEDIA ->
                    p.emit(new SendDtmf(call.call().id(), c)); // an IVR announcing in early media
            case TransferDialling t -> {
                if (c == '#' && !t.digits().isEmpty()) consult(t);
                else {
                    p.emit(new StopTone());
                    p.state = new TransferDialling(t.held(), t.digits() + c);
                }
            }
            default -> p.refuse(event);
        }
    }

    /** Adds a digit; '#' after digits sends (Yealink features.key_as_send), so does a complete digit map. */
    private void collect(String digits, char c, boolean preDial) {
        if (c == '#' && !digits.isEmpty()) {
            p.dial(digits);
            return;
        }
        String now = digits + c;
        p.state = new Dialling(now, preDial);
        if (preDial) return; // nothing is sent before the handset is lifted or OK pressed
        TimerId interDigit = TimerId.of(TimerId.Kind.INTER_DIGIT);
        p.emit(new CancelTimer(interDigit));
        if (p.digitMap.isPresent() && p.digitMap.get().match(now) == DigitMap.Match.COMPLETE) {
            p.dial(now);
        } else {
            p.emit(new StartTimer(interDigit, p.settings.interDigitTimeout()));
        }
    }

    // --- soft keys --------------------------------------------------------------------------

    private void key(KeyPress event) {
        switch (event.key()) {
            case OK -> ok(event);
            case CANCEL -> cancel(event);
            case REDIAL -> redial(event);
            case DND -> toggleDnd();
            case HOLD -> hold(event);
            case TRANSFER -> transfer(event);
            case CONFERENCE -> conference(event);
            case SPEAKER -> speaker(event);
            case FORWARD -> forward(event);
            case HISTORY -> history(event);
            default -> throw new IllegalStateException("dial keys are handled by digit(): " + event.key());
        }
    }

    private void ok(KeyPress event) {
        switch (p.state) {
            case Dialling d -> {
                if (!p.engaged()) p.speakerOn = true;
                p.dial(d.digits());
            }
            case IncomingRinging r -> {
                if (!p.engaged()) p.speakerOn = true;
                p.answer(r.call());
            }
            case CallWaiting w -> acceptWaiting(w);
            case ConfirmRedirect c -> p.network.follow(c.call(), c.call().redirects(), c.call().redirects().next().orElseThrow());
            case TransferDialling t when !t.digits().isEmpty() -> consult(t);
            case History h -> dialHistoryEntry(h, event);
            default -> p.refuse(event);
        }
    }

    private void cancel(KeyPress event) {
        switch (p.state) {
            case Dialling d when d.digits().length() > 1 ->
                    p.state = new Dialling(d.digits().substring(0, d.digits().length() - 1), d.preDial());
            case Dialling d -> {
                if (d.preDial()) p.state = new Idle();
                else {
                    p.stopDialling();
                    p.dialTone();
                }
            }
            case IncomingRinging r -> {
                p.stopRinging(r.call().id());
                p.emit(new Reject(r.call().id(), p.settings.normalRefuseCode()));
                p.logRinging(r.call(), HistoryEntry.Direction.REJECTED);
                p.lineFree();
            }
            case CallWaiting w -> {
                p.stopRinging(w.waiting().id());
                p.emit(new Reject(w.waiting().id(), p.settings.normalRefuseCode()));
                p.logRinging(w.waiting(), HistoryEntry.Direction.REJECTED);
                p.state = w.current().localHold() ? new Holding(w.current()) : new Connected(w.current());
            }
            case Calling c -> {
                p.emit(new CancelCall(c.call().id()));
                p.logUnanswered(c.call());
                p.emit(new StopTone());
                p.emit(new DisconnectMedia());
                p.lineFree();
            }
            case ConfirmRedirect c -> {
                p.logUnanswered(c.call());
                p.ended("Not forwarded", Party.of(c.target()).number(), Optional.empty());
            }
            case TransferDialling t when !t.digits().isEmpty() ->
                    p.state = new TransferDialling(t.held(), t.digits().substring(0, t.digits().length() - 1));
            case TransferDialling t -> resume(t.held());
            case Consulting c -> {
                p.emit(new CancelCall(c.consult().id()));
                p.logUnanswered(c.consult());
                p.emit(new StopTone());
                p.state = new Holding(c.held());
            }
            case History h -> {
                if (p.engaged()) p.dialTone();
                else p.state = new Idle();
            }
            case Ended e -> {
                p.emit(new StopTone());
                p.emit(new CancelTimer(TimerId.of(TimerId.Kind.BUSY_TONE)));
                p.emit(new CancelTimer(TimerId.of(TimerId.Kind.ENDED_SCREEN)));
                p.lineFree();
            }
            default -> p.refuse(event);
        }
    }

    private void redial(KeyPress event) {
        String last = p.saved.lastDialled();
        if (last.isEmpty()) {
            p.refuse(event);
            return;
        }
        switch (p.state) {
            case Idle i -> {
                p.speakerOn = true;
                p.dial(last);
            }
            case DialTone d -> p.dial(last);
            default -> p.refuse(event);
        }
    }

    private void hold(KeyPress event) {
        switch (p.state) {
            case Connected c -> {
                p.emit(new Hold(c.call().id()));
                p.emit(new DisconnectMedia());
                p.state = new Holding(c.call().withLocalHold(true));
            }
            case Holding h -> {
                if (!p.engaged()) p.speakerOn = true;
                resume(h.call());
            }
            case TwoCalls t -> swap(t);
            default -> p.refuse(event);
        }
    }

    private void transfer(KeyPress event) {
        switch (p.state) {
            case Connected c -> startTransfer(c.call(), true);
            case Holding h -> {
                if (!p.engaged()) p.speakerOn = true;
                startTransfer(h.call(), false);
            }
            case TransferDialling t when !t.digits().isEmpty() -> {
                p.emit(new StopTone());
                p.emit(new BlindTransfer(t.held().id(), t.digits()));
                p.state = new Transferring(t.held(), Optional.empty(), t.digits());
            }
            case Consulting c -> attendedTransfer(c.held(), c.consult().id(), c.consult().currentTarget());
            case TwoCalls t -> attendedTransfer(t.held(), t.active().id(), t.active().peer().uri());
            default -> p.refuse(event);
        }
    }

    private void conference(KeyPress event) {
        if (p.state instanceof TwoCalls t) {
            p.emit(new Resume(t.held().id()));
            p.emit(new ConnectMedia(List.of(t.active().id(), t.held().id())));
            p.state = new Conference(t.active(), t.held().withLocalHold(false));
        } else {
            p.refuse(event);
        }
    }

    /** FORWARD after typing a number turns always-forward on to it; on its own it toggles the saved target. */
    private void forward(KeyPress event) {
        var settings = p.saved.settings();
        switch (p.state) {
            case Dialling d -> {
                p.saved = p.saved.withSettings(settings.withAlways(Forward.to(d.digits())));
                if (d.preDial()) p.state = new Idle();
                else {
                    p.stopDialling();
                    p.dialTone();
                }
            }
            case Idle i when settings.always().enabled() ->
                    p.saved = p.saved.withSettings(settings.withAlways(new Forward(false, settings.always().target())));
            case Idle i when !settings.always().target().isBlank() ->
                    p.saved = p.saved.withSettings(settings.withAlways(Forward.to(settings.always().target())));
            default -> p.refuse(event);
        }
    }

    private void history(KeyPress event) {
        switch (p.state) {
            case Idle i -> {
                p.saved = p.saved.withMissedCalls(0);
                p.state = new History(0);
            }
            case History h -> {
                int size = p.saved.history().size();
                p.state = new History(size == 0 ? 0 : (h.index() + 1) % size);
            }
            default -> p.refuse(event);
        }
    }

    /** The keypad reports a press before the long press: the '#' it typed is taken back. */
    private void undoPound() {
        if (p.state instanceof Dialling d && d.digits().endsWith("#")) {
            String rest = d.digits().substring(0, d.digits().length() - 1);
            if (!rest.isEmpty()) p.state = new Dialling(rest, d.preDial());
            else if (d.preDial()) p.state = new Idle();
            else {
                p.stopDialling();
                p.dialTone();
            }
        }
    }

    private void toggleDnd() {
        var s = p.saved.settings();
        p.saved = p.saved.withSettings(s.withDnd(!s.dnd()));
    }

    // --- multi-call helpers -----------------------------------------------------------------

    private void dialHistoryEntry(History h, PhoneEvent event) {
        var history = p.saved.history();
        if (history.isEmpty()) {
            if (p.engaged()) p.dialTone();
            else p.refuse(event);
            return;
        }
        if (!p.engaged()) p.speakerOn = true;
        p.state = new Idle();
        p.dial(history.get(Math.min(h.index(), history.size() - 1)).peer().uri());
    }

    private void acceptWaiting(CallWaiting w) {
        p.stopRinging(w.waiting().id());
        if (!w.current().localHold()) p.emit(new Hold(w.current().id()));
        if (!p.engaged()) p.speakerOn = true;
        p.emit(new Answer(w.waiting().id()));
        p.emit(new ConnectMedia(List.of(w.waiting().id())));
        var answered = new ActiveCall(w.waiting().id(), w.waiting().caller(), HistoryEntry.Direction.INCOMING,
                p.clock.instant(), false, false);
        p.state = new TwoCalls(answered, w.current().withLocalHold(true), false);
    }

    private void swap(TwoCalls t) {
        p.emit(new Hold(t.active().id()));
        p.emit(new Resume(t.held().id()));
        p.emit(new ConnectMedia(List.of(t.held().id())));
        p.state = new TwoCalls(t.held().withLocalHold(false), t.active().withLocalHold(true), t.consultation());
    }

    private void resume(ActiveCall call) {
        p.emit(new StopTone());
        p.emit(new Resume(call.id()));
        p.emit(new ConnectMedia(List.of(call.id())));
        p.state = new Connected(call.withLocalHold(false));
    }

    private void startTransfer(ActiveCall call, boolean holdFirst) {
        if (holdFirst) {
            p.emit(new Hold(call.id()));
            p.emit(new DisconnectMedia());
        }
        p.emit(new PlayTone(Tone.DIAL));
        p.state = new TransferDialling(call.withLocalHold(true), "");
    }

    private void consult(TransferDialling t) {
        p.emit(new StopTone());
        p.state = new Consulting(t.held(), p.placeCall(t.digits()));
    }

    private void attendedTransfer(ActiveCall held, CallId consult, String target) {
        p.emit(new StopTone());
        p.emit(new AttendedTransfer(held.id(), consult));
        p.state = new Transferring(held, Optional.of(consult), target);
    }
}
