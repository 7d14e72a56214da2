package sipdesk.sim;

import sipdesk.core.SavedState;
import sipdesk.core.port.StateStore;

/** Keeps the saved state in memory only (simulator runs that must not touch the disk). */
public final class MemoryStateStore implements StateStore {
    private volatile SavedState state = SavedState.EMPTY;

    @Override
    public SavedState load() {
        return state;
    }

    @Override
    public void save(SavedState s) {
        state = s;
    }
}
