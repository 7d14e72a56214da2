package sipdesk.media.rtp;

/**
 * A test hook that damages our outgoing RTP: drop a packet, or hold it back and send it after the
 * next one (reordering). The network itself cannot be impaired on our build machines (PEERS.md: no
 * netem), so loss and reordering are injected in the sender.
 */
@FunctionalInterface
public interface SendImpairment {

    enum Verdict { SEND, DROP, DELAY }

    Verdict verdict(int sequence);
}
