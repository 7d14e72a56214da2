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

    private final MultiCallRules calls;

    UserRules(CallControl phone, MultiCallRules calls) {
        this.p = phone;
        this.calls = calls;
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
            case CallWaiting w -> calls.acceptWaiting(w);
            case History h -> calls.dialHistoryEntry(h, event);
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
    void release(PhoneEvent event) {
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
                p.ringAgain(w.waiting());
            }
            case TwoCalls t when t.consultation() -> calls.attendedTransfer(t.held(), t.active().id(), t.active().peer().uri());
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
            case Consulting c -> calls.attendedTransfer(c.held(), c.consult().id(), c.consult().currentTarget());
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
            case Connected c -> calls.startTransfer(c.call(), true);
            case CallWaiting w -> calls.acceptWaiting(w);
            case TwoCalls t -> calls.swap(t);
            case TransferDialling t -> calls.resume(t.held());
            case Consulting c -> {
                p.emit(new CancelCall(c.consult().id()));
                p.logUnanswered(c.consult());
                calls.resume(c.held());
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
                if (c == '#' && !t.digits().isEmpty()) calls.consult(t);
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
            case HOLD -> calls.hold(event);
            case TRANSFER -> calls.transfer(event);
            case CONFERENCE -> calls.conference(event);
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
            case CallWaiting w -> calls.acceptWaiting(w);
            case ConfirmRedirect c -> p.network.follow(c.call(), c.call().redirects(), c.call().redirects().next().orElseThrow());
            case TransferDialling t when !t.digits().isEmpty() -> calls.consult(t);
            case History h -> calls.dialHistoryEntry(h, event);
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
            case TransferDialling t -> calls.resume(t.held());
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

}
