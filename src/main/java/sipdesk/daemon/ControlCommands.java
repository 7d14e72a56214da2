package sipdesk.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import sipdesk.control.ControlHandler;
import sipdesk.control.Reply;
import sipdesk.core.Command;
import sipdesk.core.Forward;
import sipdesk.core.HistoryEntry;
import sipdesk.core.PhoneEvent;
import sipdesk.core.PhoneState;
import sipdesk.core.RegistrationState;
import sipdesk.core.SavedState;
import sipdesk.core.screen.PhoneStatus;
import sipdesk.loop.EventLoop;

/** What each {@code sipdesk} CLI command does inside the daemon. Runs on control-socket threads. */
public final class ControlCommands implements ControlHandler {
    public static final String HELP = """
            commands: status | dial NUMBER | answer | hangup | dnd on|off
                      forward always|busy|noanswer TARGET|off | history | flows [N] | log [N] | reload""";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final EventLoop loop;
    private final Clock clock;
    private final Supplier<Optional<String>> reload;
    private final java.util.function.IntFunction<Optional<String>> flows;
    private final Supplier<java.util.Map<sipdesk.core.CallId, String>> media;
    private final Supplier<Optional<String>> audioDevices;

    /** {@code audioDevices}: the sound devices in use and their trouble, when the phone has media of its own. */
    public ControlCommands(EventLoop loop, Clock clock, Supplier<Optional<String>> reload,
                           java.util.function.IntFunction<Optional<String>> flows,
                           Supplier<java.util.Map<sipdesk.core.CallId, String>> media,
                           Supplier<Optional<String>> audioDevices) {
        this.loop = loop;
        this.clock = clock;
        this.reload = reload;
        this.flows = flows;
        this.media = media;
        this.audioDevices = audioDevices;
    }

    private record Snapshot(PhoneState state, PhoneStatus status, boolean engaged) {}

    @Override
    public Reply handle(List<String> words) {
        if (words.isEmpty()) return Reply.error(HELP);
        String arg = words.size() > 1 ? words.get(1) : "";
        return switch (words.get(0)) {
            case "status" -> status();
            case "dial" -> arg.isBlank() ? Reply.error("usage: sipdesk dial NUMBER") : act(new PhoneEvent.ControlDial(arg), "dialling " + arg);
            case "answer" -> act(new PhoneEvent.ControlAnswer(), "answered");
            case "hangup" -> act(new PhoneEvent.ControlHangup(), "hung up");
            case "dnd" -> switch (arg) {
                case "on" -> act(new PhoneEvent.ControlSetDnd(true), "DND on");
                case "off" -> act(new PhoneEvent.ControlSetDnd(false), "DND off");
                default -> Reply.error("usage: sipdesk dnd on|off");
            };
            case "forward" -> forward(words);
            case "history" -> history();
            case "flows" -> flows.apply(count(arg, 1)).map(Reply::ok)
                    .orElse(Reply.error("no SIP message trace: the phone runs on the simulated network"));
            case "log" -> Reply.ok(String.join("\n", LogSetup.RECENT.last(count(arg, 50))));
            case "reload" -> reload.get().map(Reply::error)
                    .orElse(Reply.ok("configuration re-read (see sipdesk log for warnings)"));
            default -> Reply.error("unknown command '" + words.get(0) + "'\n" + HELP);
        };
    }

    private Reply act(PhoneEvent event, String done) {
        try {
            List<Command> commands = loop.postAndWait(event).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            for (Command c : commands) {
                if (c instanceof Command.Refused r) return Reply.error("refused: the phone is in state " + r.state());
            }
            return Reply.ok(done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            return Reply.error("the phone did not answer in time: " + e);
        }
    }

    private Reply forward(List<String> words) {
        if (words.size() < 3) return Reply.error("usage: sipdesk forward always|busy|noanswer TARGET|off");
        PhoneEvent.ForwardKind kind = switch (words.get(1)) {
            case "always" -> PhoneEvent.ForwardKind.ALWAYS;
            case "busy" -> PhoneEvent.ForwardKind.BUSY;
            case "noanswer", "no-answer" -> PhoneEvent.ForwardKind.NO_ANSWER;
            default -> null;
        };
        if (kind == null) return Reply.error("forward kind must be always, busy or noanswer, got '" + words.get(1) + "'");
        String target = words.get(2);
        Forward f = target.equals("off") ? Forward.OFF : Forward.to(target);
        return act(new PhoneEvent.ControlSetForward(kind, f),
                "forward " + words.get(1) + (f.enabled() ? " to " + target : " off"));
    }

    private Reply status() {
        Snapshot s = query();
        if (s == null) return Reply.error("the phone did not answer in time");
        StringBuilder b = new StringBuilder();
        b.append("registration: ").append(describe(s.status().registration())).append('\n');
        b.append("state: ").append(s.state().getClass().getSimpleName()).append(s.engaged() ? " (line in use)" : "").append('\n');
        audioDevices.get().ifPresent(a -> b.append("audio: ").append(a).append('\n'));
        Instant now = clock.instant();
        var figures = media.get();
        for (String call : calls(s.state(), now)) {
            b.append("call: ").append(call).append('\n');
            String id = call.substring(0, call.indexOf(' '));
            String m = figures.get(new sipdesk.core.CallId(id));
            if (m != null) b.append("  media: ").append(m).append('\n');
        }
        var user = s.status().saved().settings();
        b.append("dnd: ").append(user.dnd() ? "on" : "off").append('\n');
        b.append("forward: always ").append(describe(user.always())).append(", busy ").append(describe(user.busy()))
                .append(", no answer ").append(describe(user.noAnswer())).append('\n');
        b.append("missed calls: ").append(s.status().saved().missedCalls()).append('\n');
        b.append("voicemail: ").append(s.status().messagesWaiting()).append(" new");
        return Reply.ok(b.toString());
    }

    private Reply history() {
        Snapshot s = query();
        if (s == null) return Reply.error("the phone did not answer in time");
        SavedState saved = s.status().saved();
        if (saved.history().isEmpty()) return Reply.ok("(no calls yet)");
        StringBuilder b = new StringBuilder();
        for (HistoryEntry e : saved.history()) {
            b.append(TIME.format(e.when().atZone(ZoneId.systemDefault()))).append("  ")
                    .append(String.format(Locale.ROOT, "%-9s", e.direction().name().toLowerCase(Locale.ROOT))).append(' ')
                    .append(e.peer().label());
            if (!e.talked().isZero()) b.append("  ").append(duration(e.talked()));
            b.append('\n');
        }
        return Reply.ok(b.toString());
    }

    private Snapshot query() {
        try {
            return loop.query(core -> new Snapshot(core.state(), core.status(), core.engaged()))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private static List<String> calls(PhoneState state, Instant now) {
        return switch (state) {
            case PhoneState.Calling c -> List.of(c.call().id() + " to " + c.call().currentTarget() + " " + c.call().progress().name().toLowerCase(Locale.ROOT));
            case PhoneState.IncomingRinging r -> List.of(r.call().id() + " from " + r.call().caller().label() + " ringing");
            case PhoneState.Connected c -> List.of(active(c.call(), now));
            case PhoneState.Holding h -> List.of(active(h.call(), now));
            case PhoneState.CallWaiting w -> List.of(active(w.current(), now), w.waiting().id() + " from " + w.waiting().caller().label() + " waiting");
            case PhoneState.TwoCalls t -> List.of(active(t.active(), now), active(t.held(), now));
            case PhoneState.Conference c -> List.of(active(c.first(), now), active(c.second(), now));
            case PhoneState.TransferDialling t -> List.of(active(t.held(), now));
            case PhoneState.Consulting c -> List.of(active(c.held(), now), c.consult().id() + " to " + c.consult().currentTarget());
            case PhoneState.Transferring t -> List.of(active(t.call(), now) + " transferring to " + t.target());
            default -> List.of();
        };
    }

    private static String active(PhoneState.ActiveCall c, Instant now) {
        String flags = (c.localHold() ? " on hold" : "") + (c.remoteHold() ? " held by peer" : "");
        return c.id() + " " + c.direction().name().toLowerCase(Locale.ROOT) + " " + c.peer().label() + " "
                + duration(Duration.between(c.answeredAt(), now)) + flags;
    }

    static String describe(RegistrationState r) {
        return switch (r) {
            case RegistrationState.Registered g -> "registered " + g.aor() + " at " + g.server();
            case RegistrationState.Registering g -> "registering" + (g.server().isEmpty() ? "" : " at " + g.server());
            case RegistrationState.Failed f -> "failed at " + f.server() + ": " + f.reason();
            case RegistrationState.IpDirect ip -> "none (IP direct calls, " + ip.localAddress() + ")";
        };
    }

    private static String describe(Forward f) {
        return f.enabled() ? "to " + f.target() : "off";
    }

    private static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    private static int count(String arg, int fallback) {
        try {
            return arg.isBlank() ? fallback : Math.max(1, Integer.parseInt(arg));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
