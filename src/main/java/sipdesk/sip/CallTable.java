package sipdesk.sip;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sip.Dialog;
import sipdesk.core.CallId;

/** The calls by core id and by SIP Call-ID. SIP worker thread only. */
final class CallTable {
    private final Map<CallId, CallLeg> byId = new HashMap<>();
    private final Map<String, CallLeg> bySipCallId = new HashMap<>();
    private int incomingCounter;

    CallId nextIncomingId() {
        return new CallId("in-" + (++incomingCounter));
    }

    void put(CallLeg leg) {
        byId.put(leg.id, leg);
        if (leg.sipCallId != null) bySipCallId.put(leg.sipCallId, leg);
    }

    void reindex(CallLeg leg, String newSipCallId) {
        if (leg.sipCallId != null) bySipCallId.remove(leg.sipCallId);
        leg.sipCallId = newSipCallId;
        bySipCallId.put(newSipCallId, leg);
    }

    Optional<CallLeg> get(CallId id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<CallLeg> bySipCallId(String callId) {
        return Optional.ofNullable(bySipCallId.get(callId));
    }

    Optional<CallLeg> byDialog(Dialog d) {
        if (d == null) return Optional.empty();
        if (d.getApplicationData() instanceof CallLeg leg) return Optional.of(leg);
        return bySipCallId(d.getCallId().getCallId());
    }

    void remove(CallLeg leg) {
        leg.state = CallLeg.State.TERMINATED;
        byId.remove(leg.id);
        if (leg.sipCallId != null) bySipCallId.remove(leg.sipCallId, leg);
    }

    java.util.Collection<CallLeg> all() {
        return java.util.List.copyOf(byId.values());
    }
}
