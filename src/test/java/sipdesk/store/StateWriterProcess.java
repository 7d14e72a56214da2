package sipdesk.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import sipdesk.core.HistoryEntry;
import sipdesk.core.Party;
import sipdesk.core.SavedState;

/**
 * Run in a child JVM by {@link StateCrashTest}: saves a growing state in a loop and prints
 * "saved N" after each save returns, until it is killed (or after a bounded number of saves).
 */
public final class StateWriterProcess {
    public static void main(String[] args) throws Exception {
        FileStateStore store = FileStateStore.open(Path.of(args[0]));
        SavedState state = store.load();
        int n = state.lastDialled().isEmpty() ? 0 : Integer.parseInt(state.lastDialled());
        for (int i = 0; i < 100_000; i++) {
            n++;
            state = state.withLastDialled(Integer.toString(n)).record(new HistoryEntry(Instant.EPOCH.plusSeconds(n),
                    HistoryEntry.Direction.OUTGOING, Party.of("sip:" + n + "@pbx"), Duration.ofSeconds(n)));
            store.save(state);
            System.out.println("saved " + n);
            System.out.flush();
        }
    }
}
