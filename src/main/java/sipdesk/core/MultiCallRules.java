package sipdesk.core;

import java.util.List;
import java.util.Optional;
import sipdesk.core.Command.*;
import sipdesk.core.PhoneEvent.*;
import sipdesk.core.PhoneState.*;

/** Hold, swap, call waiting, transfer and conference: the rules that juggle two calls. Part of {@link CallControl}. */
final class MultiCallRules {
    private final CallControl p;

    MultiCallRules(CallControl phone) {
        this.p = phone;
    }

    void hold(KeyPress event) {
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

    void transfer(KeyPress event) {
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

    void conference(KeyPress event) {
        if (p.state instanceof TwoCalls t) {
            p.emit(new Resume(t.held().id()));
            p.emit(new ConnectMedia(List.of(t.active().id(), t.held().id())));
            p.state = new Conference(t.active(), t.held().withLocalHold(false));
        } else {
            p.refuse(event);
        }
    }

    /** FORWARD after typing a number turns always-forward on to it; on its own it toggles the saved target. */
    // --- multi-call helpers -----------------------------------------------------------------

    void dialHistoryEntry(History h, PhoneEvent event) {
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

    void acceptWaiting(CallWaiting w) {
        p.stopRinging(w.waiting().id());
        if (!w.current().localHold()) p.emit(new Hold(w.current().id()));
        if (!p.engaged()) p.speakerOn = true;
        p.emit(new Answer(w.waiting().id()));
        p.emit(new ConnectMedia(List.of(w.waiting().id())));
        var answered = new ActiveCall(w.waiting().id(), w.waiting().caller(), HistoryEntry.Direction.INCOMING,
                p.clock.instant(), false, false);
        p.state = new TwoCalls(answered, w.current().withLocalHold(true), false);
    }

    void swap(TwoCalls t) {
        p.emit(new Hold(t.active().id()));
        p.emit(new Resume(t.held().id()));
        p.emit(new ConnectMedia(List.of(t.held().id())));
        p.state = new TwoCalls(t.held().withLocalHold(false), t.active().withLocalHold(true), t.consultation());
    }

    void resume(ActiveCall call) {
        p.emit(new StopTone());
        p.emit(new Resume(call.id()));
        p.emit(new ConnectMedia(List.of(call.id())));
        p.state = new Connected(call.withLocalHold(false));
    }

    void startTransfer(ActiveCall call, boolean holdFirst) {
        if (holdFirst) {
            p.emit(new Hold(call.id()));
            p.emit(new DisconnectMedia());
        }
        p.emit(new PlayTone(Tone.DIAL));
        p.state = new TransferDialling(call.withLocalHold(true), "");
    }

    void consult(TransferDialling t) {
        p.emit(new StopTone());
        p.state = new Consulting(t.held(), p.placeCall(t.digits()));
    }

    void attendedTransfer(ActiveCall held, CallId consult, String target) {
        p.emit(new StopTone());
        p.emit(new AttendedTransfer(held.id(), consult));
        p.state = new Transferring(held, Optional.of(consult), target);
    }
}
