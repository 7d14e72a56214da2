package sipdesk.hw;

/** The pull resistor the Pi enables on an input (its internal ones are about 50 kOhm). */
public enum Pull { UP, DOWN, OFF }
