package sipdesk.hw;

import java.util.ArrayList;
import java.util.List;
import sipdesk.core.PhoneEvent;
import sipdesk.core.port.EventSink;

/** Keeps what adapters posted, in order. */
final class RecordingSink implements EventSink {
    private final List<PhoneEvent> events = new ArrayList<>();

    @Override
    public synchronized void post(PhoneEvent event) {
        events.add(event);
    }

    synchronized List<PhoneEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<PhoneEvent> take() {
        List<PhoneEvent> copy = List.copyOf(events);
        events.clear();
        return copy;
    }
}
