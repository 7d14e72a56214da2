package sipdesk.core;

import java.util.Optional;
import sipdesk.core.Command.*;
import sipdesk.core.PhoneEvent.*;
import sipdesk.core.PhoneState.*;

/** What each timer the core started does when it expires. Part of {@link CallControl}. */
final class TimerRules {
    private final CallControl p;
    private final NetworkRules network;

    TimerRules(CallControl phone, NetworkRules network) {
        this.p = phone;
        this.network = network;
    }

    void timer(TimerExpired event) {
        TimerId id = event.timer();
        switch (id.kind()) {
            case INTER_DIGIT -> {
                if (p.state instanceof Dialling d && !d.preDial()) p.dial(d.digits());
                else p.refuse(event);
            }
            case OFF_HOOK_IDLE -> {
                if (p.state instanceof DialTone) {
                    p.stopDialling();
                    p.ended("Off hook", "Please hang up", Optional.of(Tone.CONGESTION));
                } else {
                    p.refuse(event);
                }
            }
            case NO_ANSWER_FORWARD -> noAnswerForward(event);
            case AUTO_ANSWER -> {
                if (p.state instanceof IncomingRinging r && r.call().id().value().equals(id.scope())) {
                    if (!p.engaged()) p.speakerOn = true;
                    p.answer(r.call());
                } else {
                    p.refuse(event);
                }
            }
            case BUSY_TONE -> {
                if (p.state instanceof Ended) p.emit(new StopTone());
                else p.refuse(event);
            }
            case ENDED_SCREEN -> {
                if (p.state instanceof Ended && !p.handsetUp) {
                    p.emit(new StopTone());
                    p.speakerOn = false;
                    p.state = new Idle();
                } else {
                    p.refuse(event);
                }
            }
        }
    }

    private void noAnswerForward(TimerExpired event) {
        String scope = event.timer().scope();
        String target = p.saved.settings().noAnswer().target();
        switch (p.state) {
            case IncomingRinging r when r.call().id().value().equals(scope) && !target.isBlank() -> {
                p.stopRinging(r.call().id());
                network.forward(r.call(), target);
                p.lineFree();
            }
            case CallWaiting w when w.waiting().id().value().equals(scope) && !target.isBlank() -> {
                p.stopRinging(w.waiting().id());
                network.forward(w.waiting(), target);
                p.state = w.current().localHold() ? new Holding(w.current()) : new Connected(w.current());
            }
            default -> p.refuse(event);
        }
    }
}
