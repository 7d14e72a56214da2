package sipdesk.config;

/** {@code sipdesk.keypad.type}: which matrix keypad is wired, if any (layouts in hardware/README.md). */
public enum KeypadType { NONE, PHONE_4X3, PHONE_4X4 }
