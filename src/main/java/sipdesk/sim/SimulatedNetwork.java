package sipdesk.sim;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import sipdesk.core.CallId;
import sipdesk.core.Command.*;
import sipdesk.core.Party;
import sipdesk.core.PhoneEvent.*;
import sipdesk.core.RedirectTarget;
import sipdesk.core.RegistrationState;
import sipdesk.core.port.EventSink;
import sipdesk.core.port.Signalling;

/**
 * An in-process stand-in for the SIP network, so the simulator can show whole calls without a
 * PBX. What a dialled number does depends on its first digit:
 * 1xxx answers after a short ring, 2xxx is busy, 3xxx redirects (302) to 1xxx, 4xxx rings
 * without answer, anything else is not found.
 */
public final class SimulatedNetwork implements Signalling {
    private static final Logger LOG = Logger.getLogger(SimulatedNetwork.class.getName());
    public static final String HELP = "1xxx answers, 2xxx busy, 3xxx forwards to 1xxx, 4xxx no answer";

    private final EventSink sink;
    private final Duration step;
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger incoming = new AtomicInteger();
    private volatile CallId lastCall;

    public SimulatedNetwork(EventSink sink, Duration step) {
        this.sink = sink;
        this.step = step;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-network");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void execute(SipCommand command) {
        LOG.fine(() -> "sim network: " + command);
        switch (command) {
            case Register r -> later(1, new RegistrationChanged(new RegistrationState.Registered("simulator", "sip:sim@simulator")));
            case Dial d -> call(d.call(), d.target());
            case FollowRedirect f -> call(f.call(), Party.of(f.targetUri()).number());
            case TransferCall t -> call(t.call(), Party.of(t.target()).number());
            case BlindTransfer t -> later(1, new TransferResult(t.call(), true, 200));
            case AttendedTransfer t -> later(1, new TransferResult(t.transferee(), true, 200));
            case SendRinging s -> {}
            case Answer a -> {}
            case Reject r -> {}
            case Redirect r -> {}
            case CancelCall c -> {}
            case Hangup h -> {}
            case Hold h -> {}
            case Resume r -> {}
            case SendDtmf d -> {}
        }
    }

    private void call(CallId id, String target) {
        lastCall = id;
        String number = target.replaceAll("[^0-9*#]", "");
        char kind = number.isEmpty() ? '0' : number.charAt(0);
        later(0, new Trying(id));
        switch (kind) {
            case '1' -> {
                later(1, new Ringing(id));
                later(3, new Answered(id));
            }
            case '2' -> later(1, new CallFailed(id, 486, "Busy Here"));
            case '3' -> later(1, new Redirected(id, 302,
                    List.of(new RedirectTarget("sip:1" + number.substring(1) + "@simulator", 1.0))));
            case '4' -> later(1, new Ringing(id));
            default -> later(1, new CallFailed(id, 404, "Not Found"));
        }
    }

    /** Simulates a call to us from {@code number}. */
    public CallId ring(String number, String name) {
        CallId id = new CallId("in-" + incoming.incrementAndGet());
        lastCall = id;
        sink.post(new IncomingCall(id, new Party("sip:" + number + "@simulator", name), Optional.empty(), false));
        return id;
    }

    /** The far end of the last call hangs up. */
    public void remoteHangup() {
        CallId id = lastCall;
        if (id != null) sink.post(new RemoteHangup(id));
    }

    private void later(int steps, sipdesk.core.PhoneEvent event) {
        scheduler.schedule(() -> sink.post(event), step.toMillis() * steps, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
