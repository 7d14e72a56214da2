package sipdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import sipdesk.core.SavedState;
import sipdesk.core.port.StateStore;

/**
 * Keeps {@link SavedState} in {@code state.txt} under the state directory (sipdesk.state_dir).
 * A damaged or unreadable file is logged, moved aside as {@code state.txt.bad-<UTC time>} for a
 * human to look at, and the phone starts afresh ({@link SavedState#EMPTY}); a failed save (disk full,
 * read-only card) is logged and the phone keeps running with the state in memory.
 */
public final class FileStateStore implements StateStore {
    public static final String FILE_NAME = "state.txt";

    /** 100 history lines take some 20 KB; a file this large is not ours. */
    static final long MAX_BYTES = 1L << 20;

    private static final Logger LOG = Logger.getLogger(FileStateStore.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;

    /** No I/O: use {@link #open(Path)} to create the directory and clear what a crash left behind. */
    FileStateStore(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates the state directory (0700) if needed and deletes temporary files left by a crash. */
    public static FileStateStore open(Path stateDir) throws IOException {
        return open(stateDir, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock that stamps the names of damaged files set aside. */
    public static FileStateStore open(Path stateDir, Clock clock) throws IOException {
        if (!Files.isDirectory(stateDir)) {
            if (stateDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(stateDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(stateDir);
            }
        }
        Path file = stateDir.resolve(FILE_NAME);
        int left = AtomicFile.deleteLeftovers(file);
        if (left > 0) LOG.info(() -> "deleted " + left + " temporary state file(s) left by an interrupted save in " + stateDir);
        return new FileStateStore(file, clock);
    }

    public Path file() {
        return file;
    }

    @Override
    public SavedState load() {
        return loadOr(SavedState.EMPTY);
    }

    /**
     * What was saved last, or {@code firstStart} when nothing usable was saved (no file yet, or a
     * damaged one set aside): lets the daemon start from the settings in sipdesk.cfg
     * ({@code SavedState.EMPTY.withSettings(config.initialUserSettings())}) while the keypad's
     * later changes win over the file.
     */
    public SavedState loadOr(SavedState firstStart) {
        Objects.requireNonNull(firstStart, "firstStart");
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) return setAside("is damaged (" + size + " bytes, far more than a state holds)", firstStart);
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return firstStart;
        } catch (IOException | RuntimeException e) {
            return setAside("cannot be read (" + e + ")", firstStart);
        }
        return switch (StateFormat.decode(bytes)) {
            case StateFormat.Decoded.Ok ok -> ok.state();
            case StateFormat.Decoded.Damaged d -> setAside("is damaged (" + d.reason() + ")", firstStart);
        };
    }

    @Override
    public void save(SavedState state) {
        Objects.requireNonNull(state, "state");
        try {
            AtomicFile.replace(file, StateFormat.encode(state));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not save the phone's state to " + file + "; keeping it in memory", e);
        }
    }

    private SavedState setAside(String why, SavedState firstStart) {
        Path aside = file.resolveSibling(file.getFileName() + ".bad-" + STAMP.format(clock.instant()));
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warning(() -> file + " " + why + "; moved to " + aside + ", starting afresh");
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> file + " " + why + " and could not be moved aside (" + e + "); starting afresh");
        }
        return firstStart;
    }
}
