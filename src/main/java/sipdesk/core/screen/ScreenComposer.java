package sipdesk.core.screen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import sipdesk.core.Glyph;
import sipdesk.core.HistoryEntry;
import sipdesk.core.Party;
import sipdesk.core.PhoneState;
import sipdesk.core.PhoneState.*;
import sipdesk.core.RegistrationState;
import sipdesk.core.Screen;
import sipdesk.core.Screen.Lamp;

/**
 * Draws the LCD from the phone's state: a pure function, so the same state always gives the same
 * frame and the core only sends a frame when it differs from the last one.
 *
 * <p>Layout: on a 2-row LCD, row 0 is the title of the state (the label and status icons when
 * idle) and row 1 its detail; with 4 rows the status bar stays on row 0 and the title, detail and
 * a hint follow.
 */
public final class ScreenComposer {
    private final int columns;
    private final int rows;
    private final String label;

    public ScreenComposer(int columns, int rows, String label) {
        this.columns = columns;
        this.rows = rows;
        this.label = label;
    }

    public Screen compose(PhoneState state, PhoneStatus status) {
        Content c = content(state, status);
        List<String> lines = new ArrayList<>(rows);
        String bar = statusBar(status);
        if (c.title().isEmpty()) {
            lines.add(bar);
            lines.add(c.detail());
            if (rows > 2) {
                lines.add(c.extra());
                lines.add(c.hint());
            }
        } else if (rows > 2) {
            lines.add(bar);
            lines.add(c.title());
            lines.add(c.detail());
            lines.add(c.extra().isEmpty() ? c.hint() : c.extra());
        } else {
            lines.add(c.title());
            lines.add(c.detail());
        }
        while (lines.size() < rows) lines.add("");
        List<String> fitted = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) fitted.add(fit(lines.get(i)));
        return new Screen(fitted, lamps(state, status));
    }

    /** The text of one screen before layout; an empty title means "show the status bar". */
    private record Content(String title, String detail, String extra, String hint) {
        static Content of(String title, String detail) {
            return new Content(title, detail, "", "");
        }
    }

    private Content content(PhoneState state, PhoneStatus status) {
        return switch (state) {
            case Idle i -> idle(status);
            case DialTone d -> new Content("Dial:", "", "", "#=send");
            case Dialling d -> new Content(d.preDial() ? "Number:" : "Dial:", tail(d.digits()), "", "#=send");
            case Calling c -> calling(c.call());
            case ConfirmRedirect r -> new Content("Forward to?", number(r.target()), "", "OK=yes Cancel=no");
            case IncomingRinging r -> incoming(r.call());
            case Connected c -> new Content(c.call().remoteHold() ? "Held by peer" : "Connected",
                    c.call().peer().label(), "", "");
            case Holding h -> new Content(Glyph.HOLD + " On hold", h.call().peer().label(), "", "Hold=resume");
            case CallWaiting w -> new Content("Waiting:" + w.waiting().caller().label(), w.current().peer().label(),
                    "", "OK=answer");
            case TwoCalls t -> new Content(t.active().peer().label(), Glyph.HOLD + " " + t.held().peer().label(),
                    "", t.consultation() ? "Tran=transfer" : "Hold=swap");
            case TransferDialling t -> new Content("Transfer to:", tail(t.digits()), t.held().peer().label(),
                    "Tran=blind OK=ask");
            case Consulting c -> new Content("Transfer:" + c.held().peer().label(), Glyph.ARROW_RIGHT + " "
                    + number(c.consult().currentTarget()), "", "");
            case Transferring t -> Content.of("Transferring", t.call().peer().label() + " " + Glyph.ARROW_RIGHT
                    + " " + number(t.target()));
            case Conference c -> Content.of("Conference", c.first().peer().label() + "+" + c.second().peer().label());
            case Ended e -> Content.of(e.reason(), e.detail());
            case History h -> history(status, h.index());
        };
    }

    private Content idle(PhoneStatus status) {
        var s = status.saved();
        String detail = switch (status.registration()) {
            case RegistrationState.Registered r -> "Ready";
            case RegistrationState.Registering r -> "Registering...";
            case RegistrationState.Failed f -> "Not registered";
            case RegistrationState.IpDirect ip -> ip.localAddress();
        };
        String extra = "";
        if (s.settings().dnd()) {
            detail = "DND on";
        } else if (s.settings().always().enabled()) {
            detail = "Fwd " + Glyph.ARROW_RIGHT + " " + s.settings().always().target();
        }
        if (s.missedCalls() > 0) {
            extra = s.missedCalls() + " missed call" + (s.missedCalls() == 1 ? "" : "s");
            if (rows == 2) detail = extra;
        }
        if (status.messagesWaiting() > 0 && extra.isEmpty()) {
            extra = status.messagesWaiting() + " new voicemail";
        }
        return new Content("", detail, extra, "");
    }

    private Content calling(OutgoingCall call) {
        String target = number(call.currentTarget());
        if (call.redirects().current().isPresent()) {
            return new Content("Forwarded to", target, "from " + number(call.dialled()), "");
        }
        String title = switch (call.progress()) {
            case TRYING -> "Calling";
            case RINGBACK -> "Ringing";
            case EARLY_MEDIA -> "Calling";
        };
        return Content.of(title, target);
    }

    private Content incoming(RingingCall call) {
        String extra = call.divertedFrom().map(p -> "for " + p.label()).orElse("");
        if (rows == 2 && !extra.isEmpty()) {
            return Content.of(call.caller().label(), extra);
        }
        return new Content("Incoming call", call.caller().label(), extra, "OK=answer X=reject");
    }

    private Content history(PhoneStatus status, int index) {
        List<HistoryEntry> h = status.saved().history();
        if (h.isEmpty()) return Content.of("History", "(empty)");
        HistoryEntry e = h.get(Math.min(index, h.size() - 1));
        String kind = switch (e.direction()) {
            case OUTGOING -> "Dialled";
            case INCOMING -> "Received";
            case MISSED -> "Missed";
            case FORWARDED -> "Forwarded";
            case REJECTED -> "Rejected";
        };
        return new Content((index + 1) + "/" + h.size() + " " + kind, e.peer().label(),
                e.talked().isZero() ? "" : duration(e.talked()), "OK=dial");
    }

    private String statusBar(PhoneStatus status) {
        StringBuilder icons = new StringBuilder();
        if (status.registration() instanceof RegistrationState.Registered) icons.append(Glyph.REGISTERED);
        var s = status.saved().settings();
        if (s.dnd()) icons.append(Glyph.DND);
        if (s.always().enabled()) icons.append(Glyph.ARROW_RIGHT);
        if (status.messagesWaiting() > 0) icons.append(Glyph.ENVELOPE);
        int room = Math.max(0, columns - icons.length() - (icons.isEmpty() ? 0 : 1));
        String l = label.length() > room ? label.substring(0, room) : label;
        return l + " ".repeat(columns - l.length() - icons.length()) + icons;
    }

    private Set<Lamp> lamps(PhoneState state, PhoneStatus status) {
        Set<Lamp> lamps = EnumSet.noneOf(Lamp.class);
        var s = status.saved().settings();
        if (s.dnd()) lamps.add(Lamp.DND);
        if (s.always().enabled()) lamps.add(Lamp.FORWARD);
        if (status.messagesWaiting() > 0) lamps.add(Lamp.MESSAGE_WAITING);
        if (status.registration() instanceof RegistrationState.Registered) lamps.add(Lamp.REGISTERED);
        if (!state.calls().isEmpty()) lamps.add(Lamp.IN_USE);
        return lamps;
    }

    /** The last characters of a long number, so what was typed last stays visible. */
    private String tail(String digits) {
        return digits.length() <= columns ? digits : digits.substring(digits.length() - columns);
    }

    private static String number(String target) {
        return Party.of(target).number();
    }

    private static String duration(Duration d) {
        long s = d.toSeconds();
        return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    private String fit(String line) {
        if (line.length() >= columns) return line.substring(0, columns);
        return line + " ".repeat(columns - line.length());
    }
}
