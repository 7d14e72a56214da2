package sipdesk.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the phone keeps across restarts: the keypad settings, the call history (newest
 * first, at most {@link #HISTORY_LIMIT} entries), the redial number and the unseen missed calls.
 */
public record SavedState(UserSettings settings, List<HistoryEntry> history, String lastDialled, int missedCalls) {
    /** Yealink phones keep 100 entries per list. */
    public static final int HISTORY_LIMIT = 100;

    public static final SavedState EMPTY = new SavedState(UserSettings.DEFAULT, List.of(), "", 0);

    public SavedState {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(lastDialled, "lastDialled");
        history = List.copyOf(history.size() > HISTORY_LIMIT ? history.subList(0, HISTORY_LIMIT) : history);
        if (missedCalls < 0) throw new IllegalArgumentException("missedCalls < 0");
    }

    public SavedState withSettings(UserSettings s) {
        return new SavedState(s, history, lastDialled, missedCalls);
    }

    public SavedState withLastDialled(String number) {
        return new SavedState(settings, history, number, missedCalls);
    }

    public SavedState withMissedCalls(int n) {
        return new SavedState(settings, history, lastDialled, n);
    }

    /** Adds an entry at the front, dropping the oldest past the limit. */
    public SavedState record(HistoryEntry entry) {
        List<HistoryEntry> h = new ArrayList<>(history.size() + 1);
        h.add(entry);
        h.addAll(history);
        return new SavedState(settings, h, lastDialled, missedCalls);
    }
}
