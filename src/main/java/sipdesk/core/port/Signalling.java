package sipdesk.core.port;

import sipdesk.core.Command.SipCommand;

/**
 * The SIP side of the phone. Implementations turn commands into SIP messages and report what the
 * network does as {@link sipdesk.core.PhoneEvent.NetworkEvent}s through the {@link EventSink} they
 * were built with. Called on the core thread only; must not block it.
 */
public interface Signalling extends AutoCloseable {
    void execute(SipCommand command);

    /** Unregisters and stops; never throws. */
    @Override
    void close();
}
