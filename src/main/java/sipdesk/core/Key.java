package sipdesk.core;

/** Every key of the front panel: the twelve dial keys and the soft/function keys of a desk phone. */
public enum Key {
    DIGIT_0('0'), DIGIT_1('1'), DIGIT_2('2'), DIGIT_3('3'), DIGIT_4('4'),
    DIGIT_5('5'), DIGIT_6('6'), DIGIT_7('7'), DIGIT_8('8'), DIGIT_9('9'),
    STAR('*'), POUND('#'),
    /** Send / OK: dials what was typed, answers, accepts. */
    OK,
    /** Cancel / back: deletes a digit, rejects a ringing call, leaves a menu. */
    CANCEL,
    REDIAL, DND, HOLD, TRANSFER, CONFERENCE,
    /** Hands-free / line key: acts as the hook when the handset is down. */
    SPEAKER,
    /** Toggles always-forward to the number typed (or the configured target). */
    FORWARD,
    /** Shows the call history. */
    HISTORY;

    private final char symbol;

    Key() {
        this.symbol = 0;
    }

    Key(char symbol) {
        this.symbol = symbol;
    }

    public boolean isDialKey() {
        return symbol != 0;
    }

    /** The dial character ('0'-'9', '*', '#'); only for dial keys. */
    public char symbol() {
        if (symbol == 0) throw new IllegalStateException(this + " is not a dial key");
        return symbol;
    }

    public static Key ofSymbol(char c) {
        for (Key k : values()) {
            if (k.symbol == c && c != 0) return k;
        }
        throw new IllegalArgumentException("not a dial key: '" + c + "'");
    }
}
