package sipdesk.sip;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import sipdesk.core.CallId;

/** One call as the SIP adapter tracks it. Mutated on the SIP worker thread only. */
final class CallLeg {
    enum State {
        /** Outgoing INVITE sent, no provisional yet. */
        CALLING,
        /** Outgoing: a provisional response came. */
        EARLY,
        /** Outgoing: a 3xx came; waiting for FollowRedirect or Hangup. */
        REDIRECTED,
        /** Incoming INVITE not yet answered. */
        OFFERED,
        /** 2xx sent or received: the dialog is up. */
        CONFIRMED,
        TERMINATED
    }

    final CallId id;
    final boolean outgoing;
    State state;
    Dialog dialog;
    String sipCallId;

    // outgoing side
    String targetUri;
    ClientTransaction invite;
    Request inviteRequest;
    int authAttempts;
    boolean cancelRequested;
    boolean cancelSent;

    // incoming side
    ServerTransaction inviteServer;
    String toTag;
    String remoteOffer;
    /** The established call this INVITE replaces (RFC 3891), ended once this one is answered. */
    CallLeg replaces;

    boolean localHold;
    boolean remoteHold;

    CallLeg(CallId id, boolean outgoing, State state) {
        this.id = id;
        this.outgoing = outgoing;
        this.state = state;
    }

    void attach(Dialog d) {
        if (d != null) {
            dialog = d;
            d.setApplicationData(this);
        }
    }
}
