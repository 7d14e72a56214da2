package sipdesk.core.port;

import sipdesk.core.PhoneEvent;

/**
 * Where adapters deliver what happened. Thread-safe and non-blocking: adapters call it from their
 * own threads (JAIN-SIP's event scanner, Pi4J listeners, RTP receivers) and return at once; the
 * event is handled later on the core's single thread.
 */
@FunctionalInterface
public interface EventSink {
    void post(PhoneEvent event);
}
