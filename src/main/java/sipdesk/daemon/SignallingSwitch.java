package sipdesk.daemon;

import sipdesk.core.Command.SipCommand;
import sipdesk.core.port.Signalling;

/** The signalling in use, replaceable when a reload changes the account. */
final class SignallingSwitch implements Signalling {
    private volatile Signalling current;

    SignallingSwitch(Signalling first) {
        this.current = first;
    }

    Signalling current() {
        return current;
    }

    void replace(Signalling next) {
        current = next;
    }

    @Override
    public void execute(SipCommand command) {
        current.execute(command);
    }

    @Override
    public void close() {
        current.close();
    }
}
