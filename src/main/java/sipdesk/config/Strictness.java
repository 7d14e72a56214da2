package sipdesk.config;

/** {@code config check --strict} turns warnings about known keys into errors, for hand-edited files. */
public enum Strictness { LENIENT, STRICT }
