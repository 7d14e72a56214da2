package sipdesk.core.port;

import sipdesk.core.SavedState;

/** Keeps {@link SavedState} across restarts and power cuts. */
public interface StateStore {
    /** What was saved last, or {@link SavedState#EMPTY}; a damaged file is reported and set aside, never fatal. */
    SavedState load();

    /** Atomically replaces what is saved: after a crash the old or the new state is there, never a mix. */
    void save(SavedState state);
}
