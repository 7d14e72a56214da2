package sipdesk.daemon;

import sipdesk.core.Command.*;
import sipdesk.core.PhoneEvent.CallFailed;
import sipdesk.core.PhoneEvent.RegistrationChanged;
import sipdesk.core.PhoneEvent.TransferResult;
import sipdesk.core.RegistrationState;
import sipdesk.core.port.EventSink;
import sipdesk.core.port.Signalling;

/**
 * The signalling while the SIP user agent cannot start (the server's name does not resolve yet,
 * no route to it: a Pi whose network is not up, a mistyped name). The phone stays up, says why on
 * its status and refuses calls with 503; {@link PhoneDaemon} tries to start SIP again meanwhile.
 */
final class SipUnavailable implements Signalling {
    private final EventSink sink;
    private final String server;
    private final String reason;

    SipUnavailable(EventSink sink, String server, String reason) {
        this.sink = sink;
        this.server = server;
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    @Override
    public void execute(SipCommand command) {
        switch (command) {
            case Register r -> sink.post(new RegistrationChanged(new RegistrationState.Failed(server, reason)));
            case Dial d -> sink.post(new CallFailed(d.call(), 503, "SIP unavailable"));
            case FollowRedirect f -> sink.post(new CallFailed(f.call(), 503, "SIP unavailable"));
            case TransferCall t -> sink.post(new CallFailed(t.call(), 503, "SIP unavailable"));
            case BlindTransfer t -> sink.post(new TransferResult(t.call(), false, 503));
            case AttendedTransfer t -> sink.post(new TransferResult(t.transferee(), false, 503));
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

    @Override
    public void close() {}
}
