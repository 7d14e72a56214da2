package sipdesk.core;

import sipdesk.core.Command.*;
import sipdesk.core.PhoneEvent.*;
import sipdesk.core.PhoneState.*;

/** What the control socket (the sipdesk CLI) can make the phone do. Part of {@link CallControl}. */
final class RemoteControlRules {
    private final CallControl p;
    private final UserRules user;
    private final MultiCallRules calls;

    RemoteControlRules(CallControl phone, UserRules user, MultiCallRules calls) {
        this.p = phone;
        this.user = user;
        this.calls = calls;
    }

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
                    case CallWaiting w -> calls.acceptWaiting(w);
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
                user.release(event);
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

}
