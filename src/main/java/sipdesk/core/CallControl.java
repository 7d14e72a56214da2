package sipdesk.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sipdesk.core.Command.*;
import sipdesk.core.PhoneEvent.*;
import sipdesk.core.PhoneState.*;
import sipdesk.core.dial.DigitMap;
import sipdesk.core.screen.PhoneStatus;
import sipdesk.core.screen.ScreenComposer;

/**
 * The call-control core: a deterministic state machine. {@link #handle} takes one event and
 * returns the commands it causes; it does no I/O, starts no thread and never sleeps. Time comes
 * from the injected clock, timers are commands that come back as {@link TimerExpired} events.
 *
 * <p>Not thread-safe by design: one thread (the daemon's event loop) owns it.
 *
 * <p>The rules live in two halves: what the user does ({@link UserRules}) and what the network
 * and the timers report ({@link NetworkRules}); both change the state through this class.
 */
public final class CallControl {
    CallSettings settings;
    final Clock clock;
    Optional<DigitMap> digitMap;
    private ScreenComposer composer;
    private final UserRules user;
    private final RemoteControlRules remote;
    final NetworkRules network;
    private final TimerRules timers;

    PhoneState state = new Idle();
    /** The handset is off its cradle. */
    boolean handsetUp;
    /** Hands-free is on: the call stays up whatever the hook does. */
    boolean speakerOn;
    RegistrationState registration = new RegistrationState.Registering("");
    int messagesWaiting;
    SavedState saved;
    private int outgoingCalls;
    private Screen lastScreen;
    private List<Command> out = new ArrayList<>();

    public CallControl(CallSettings settings, SavedState saved, Clock clock) {
        this.saved = saved;
        this.clock = clock;
        apply(settings);
        MultiCallRules calls = new MultiCallRules(this);
        this.user = new UserRules(this, calls);
        this.remote = new RemoteControlRules(this, user, calls);
        this.network = new NetworkRules(this);
        this.timers = new TimerRules(this, network);
    }

    /** Handles one event; returns what the adapters must do, in order. */
    public List<Command> handle(PhoneEvent event) {
        out = new ArrayList<>();
        SavedState before = saved;
        switch (event) {
            case Started s -> {
                lastScreen = null;
                emit(new Register());
            }
            case Reconfigured r -> apply(r.settings());
            case FrontPanelEvent e -> user.handle(e);
            case ControlEvent e -> remote.control(e);
            case TimerExpired t -> timers.timer(t);
            case NetworkEvent e -> network.handle(e);
        }
        if (!saved.equals(before)) emit(new SaveState(saved));
        Screen screen = composer.compose(state, status());
        if (!screen.equals(lastScreen)) {
            lastScreen = screen;
            emit(new Show(screen));
        }
        return List.copyOf(out);
    }

    private void apply(CallSettings s) {
        this.settings = s;
        this.digitMap = s.digitMap().flatMap(m -> DigitMap.parse(m).map());
        this.composer = new ScreenComposer(s.lcdColumns(), s.lcdRows(), s.label());
    }

    public CallSettings settings() {
        return settings;
    }

    public PhoneState state() {
        return state;
    }

    public SavedState saved() {
        return saved;
    }

    public PhoneStatus status() {
        return new PhoneStatus(registration, messagesWaiting, saved);
    }

    /** The handset is up or hands-free is on: the user has the line. */
    public boolean engaged() {
        return handsetUp || speakerOn;
    }

    // --- shared transitions -----------------------------------------------------------------

    void emit(Command c) {
        out.add(c);
    }

    void refuse(PhoneEvent event) {
        emit(new Refused(state.getClass().getSimpleName(), event));
    }

    void dialTone() {
        emit(new PlayTone(messagesWaiting > 0 ? Tone.STUTTER_DIAL : Tone.DIAL));
        emit(new StartTimer(TimerId.of(TimerId.Kind.OFF_HOOK_IDLE), settings.offHookIdleTimeout()));
        state = new DialTone();
    }

    /** Leaves dial tone or dialling: their tone and timers stop. */
    void stopDialling() {
        emit(new StopTone());
        emit(new CancelTimer(TimerId.of(TimerId.Kind.OFF_HOOK_IDLE)));
        emit(new CancelTimer(TimerId.of(TimerId.Kind.INTER_DIGIT)));
    }

    OutgoingCall placeCall(String target) {
        saved = saved.withLastDialled(target);
        CallId id = new CallId("out-" + (++outgoingCalls));
        emit(new Dial(id, target));
        return new OutgoingCall(id, target, OutgoingCall.Progress.TRYING, RedirectTargets.none(settings.redirectMax()));
    }

    void dial(String target) {
        stopDialling();
        state = new Calling(placeCall(target));
    }

    CallId newCallId() {
        return new CallId("out-" + (++outgoingCalls));
    }

    void answer(RingingCall call) {
        stopRinging(call.id());
        emit(new Answer(call.id()));
        emit(new ConnectMedia(List.of(call.id())));
        state = new Connected(new ActiveCall(call.id(), call.caller(), HistoryEntry.Direction.INCOMING,
                clock.instant(), false, false));
    }

    /**
     * A waiting call becomes the only one: it rings (a beep with the handset up) and, with
     * auto-answer on, is answered after the delay like any call that rings on an idle phone.
     */
    void ringAgain(RingingCall call) {
        emit(handsetUp ? new PlayTone(Tone.CALL_WAITING) : new StartRinger());
        if (settings.autoAnswer()) {
            emit(new StartTimer(TimerId.of(TimerId.Kind.AUTO_ANSWER, call.id()), settings.autoAnswerDelay()));
        }
        state = new IncomingRinging(call);
    }

    void stopRinging(CallId id) {
        emit(new StopRinger());
        emit(new StopTone());
        emit(new CancelTimer(TimerId.of(TimerId.Kind.NO_ANSWER_FORWARD, id)));
        emit(new CancelTimer(TimerId.of(TimerId.Kind.AUTO_ANSWER, id)));
    }

    /** The line is free again: back to dial tone with the handset up, else idle. */
    void lineFree() {
        if (handsetUp) {
            speakerOn = false;
            dialTone();
        } else {
            speakerOn = false;
            state = new Idle();
        }
    }

    /**
     * A call is over. With the handset up the phone shows why (and plays {@code tone}) until it is
     * put down; hands-free, the reason shows for a few seconds and the phone goes idle.
     */
    void ended(String reason, String detail, Optional<Tone> tone) {
        emit(new StopTone());
        emit(new DisconnectMedia());
        tone.ifPresent(t -> emit(new PlayTone(t)));
        state = new Ended(reason, detail, tone);
        if (!handsetUp) {
            emit(new StartTimer(TimerId.of(TimerId.Kind.ENDED_SCREEN), ENDED_SCREEN_TIME));
        }
    }

    static final java.time.Duration ENDED_SCREEN_TIME = java.time.Duration.ofSeconds(3);

    void logCall(ActiveCall call) {
        saved = saved.record(new HistoryEntry(call.answeredAt(), call.direction(), call.peer(),
                java.time.Duration.between(call.answeredAt(), clock.instant())));
    }

    void logUnanswered(OutgoingCall call) {
        saved = saved.record(new HistoryEntry(clock.instant(), HistoryEntry.Direction.OUTGOING,
                Party.of(call.dialled()), java.time.Duration.ZERO));
    }

    void logRinging(RingingCall call, HistoryEntry.Direction direction) {
        saved = saved.record(new HistoryEntry(clock.instant(), direction, call.caller(), java.time.Duration.ZERO));
        if (direction == HistoryEntry.Direction.MISSED) saved = saved.withMissedCalls(saved.missedCalls() + 1);
    }
}
