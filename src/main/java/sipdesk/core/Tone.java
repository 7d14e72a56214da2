package sipdesk.core;

/** Call-progress tones; their frequencies and cadences come from the country tone plan. */
public enum Tone {
    DIAL, STUTTER_DIAL, RINGBACK, BUSY, CONGESTION, CALL_WAITING, HOLD_REMINDER
}
