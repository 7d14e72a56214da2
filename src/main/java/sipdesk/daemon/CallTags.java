package sipdesk.daemon;

import java.util.Optional;
import sipdesk.core.CallId;
import sipdesk.core.Command;
import sipdesk.core.PhoneEvent;

/** The call an event or command is about, so that every log line of a call carries its id. */
final class CallTags {
    private CallTags() {}

    static Optional<CallId> of(PhoneEvent e) {
        return Optional.ofNullable(switch (e) {
            case PhoneEvent.IncomingCall c -> c.call();
            case PhoneEvent.IncomingCancelled c -> c.call();
            case PhoneEvent.Trying c -> c.call();
            case PhoneEvent.Ringing c -> c.call();
            case PhoneEvent.EarlyMedia c -> c.call();
            case PhoneEvent.Answered c -> c.call();
            case PhoneEvent.CallFailed c -> c.call();
            case PhoneEvent.Redirected c -> c.call();
            case PhoneEvent.RemoteHold c -> c.call();
            case PhoneEvent.RemoteResume c -> c.call();
            case PhoneEvent.RemoteHangup c -> c.call();
            case PhoneEvent.MediaTimeout c -> c.call();
            case PhoneEvent.DtmfReceived c -> c.call();
            case PhoneEvent.TransferRequested c -> c.call();
            case PhoneEvent.TransferResult c -> c.call();
            default -> null;
        });
    }

    static Optional<CallId> of(Command.SipCommand c) {
        return Optional.ofNullable(switch (c) {
            case Command.Register r -> null;
            case Command.Dial d -> d.call();
            case Command.FollowRedirect f -> f.call();
            case Command.SendRinging s -> s.call();
            case Command.Answer a -> a.call();
            case Command.Reject r -> r.call();
            case Command.Redirect r -> r.call();
            case Command.CancelCall x -> x.call();
            case Command.Hangup h -> h.call();
            case Command.Hold h -> h.call();
            case Command.Resume r -> r.call();
            case Command.BlindTransfer t -> t.call();
            case Command.AttendedTransfer t -> t.transferee();
            case Command.SendDtmf d -> d.call();
            case Command.TransferCall t -> t.call();
        });
    }

    /** "[out-1] " or "" for what belongs to no call. */
    static String prefix(Optional<CallId> id) {
        return id.map(i -> "[" + i + "] ").orElse("");
    }
}
