package sipdesk.media.jitter;

/** What the jitter buffer did with a packet given to {@link JitterBuffer#put}. */
public enum Arrival {
    /** Kept for playout. */
    STORED,
    /** Kept, after the buffer restarted: a new SSRC, or a timestamp jump no jitter explains. */
    STORED_AFTER_RESET,
    /** Already held (same timestamp): dropped. */
    DUPLICATE,
    /** Its playout time has passed: dropped. */
    LATE,
    /** Bigger than the buffer's slots: dropped. */
    TOO_LARGE
}
