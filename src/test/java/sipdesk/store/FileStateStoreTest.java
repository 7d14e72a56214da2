package sipdesk.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.core.Forward;
import sipdesk.core.HistoryEntry;
import sipdesk.core.HistoryEntry.Direction;
import sipdesk.core.Party;
import sipdesk.core.SavedState;
import sipdesk.core.UserSettings;

class FileStateStoreTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    final List<LogRecord> logged = new ArrayList<>();
    final Logger logger = Logger.getLogger(FileStateStore.class.getName());
    final Handler recorder = new Handler() {
        @Override public void publish(LogRecord r) { logged.add(r); }
        @Override public void flush() { }
        @Override public void close() { }
    };

    @BeforeEach
    void recordLog() {
        logger.addHandler(recorder);
        logger.setUseParentHandlers(false);
    }

    @AfterEach
    void stopRecording() {
        logger.removeHandler(recorder);
        logger.setUseParentHandlers(true);
    }

    FileStateStore store() throws IOException {
        return FileStateStore.open(dir, CLOCK);
    }

    static SavedState everyField() {
        UserSettings settings = new UserSettings(true, Forward.to("sip:2000@pbx;user=phone"),
                new Forward(false, "line1\nline2\ttab \\ back=slash"), Forward.to("Zoë ☎ 𝄞"));
        return new SavedState(settings, List.of(), "*97#=1", 7)
                .record(new HistoryEntry(NOW.minusSeconds(60), Direction.INCOMING, new Party("sip:1001@pbx", "Anna\tB\r\n"),
                        Duration.ofSeconds(125)))
                .record(new HistoryEntry(NOW, Direction.MISSED, new Party("<sip:+49301234@pbx>", ""), Duration.ZERO))
                .record(new HistoryEntry(NOW.plusNanos(1_000_000), Direction.OUTGOING, Party.of("\\"), Duration.ofMillis(1500)))
                .record(new HistoryEntry(NOW, Direction.FORWARDED, Party.of("3000"), Duration.ZERO))
                .record(new HistoryEntry(NOW, Direction.REJECTED, new Party("sip:x@y", "名前 = name"), Duration.ZERO));
    }

    @Test
    void everyFieldSurvivesARestart() throws IOException {
        SavedState s = everyField();
        store().save(s);
        assertEquals(s, store().load());
        assertEquals(List.of(), logged);
    }

    @Test
    void theFirstStartHasAnEmptyState() throws IOException {
        assertEquals(SavedState.EMPTY, store().load());
        assertEquals(List.of(), logged);
    }

    @Test
    void theFirstStartCanBeginWithTheSettingsOfTheConfigFile() throws IOException {
        SavedState fromConfig = SavedState.EMPTY.withSettings(UserSettings.DEFAULT.withDnd(true));
        assertEquals(fromConfig, store().loadOr(fromConfig));

        SavedState changedOnTheKeypad = SavedState.EMPTY; // DND turned off again
        store().save(changedOnTheKeypad);
        assertEquals(changedOnTheKeypad, store().loadOr(fromConfig));

        Files.writeString(dir.resolve("state.txt"), "garbage", UTF_8);
        assertEquals(fromConfig, store().loadOr(fromConfig));
    }

    @Test
    void anEmptyStateSurvivesToo() throws IOException {
        store().save(SavedState.EMPTY);
        assertEquals(SavedState.EMPTY, store().load());
    }

    @Test
    void theHistoryKeepsTheNewestHundred() throws IOException {
        SavedState s = SavedState.EMPTY;
        for (int i = 0; i < 150; i++) {
            s = s.record(new HistoryEntry(NOW.plusSeconds(i), Direction.OUTGOING, Party.of(String.valueOf(i)), Duration.ZERO));
        }
        store().save(s);
        SavedState back = store().load();
        assertEquals(SavedState.HISTORY_LIMIT, back.history().size());
        assertEquals("149", back.history().get(0).peer().uri());
        assertEquals("50", back.history().get(99).peer().uri());
    }

    @Test
    void aSaveReplacesThePreviousStateAndLeavesNoTemporaryFile() throws IOException {
        FileStateStore store = store();
        store.save(everyField());
        store.save(SavedState.EMPTY.withLastDialled("42"));
        assertEquals("42", store().load().lastDialled());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("state.txt")), files.toList());
        }
    }

    @Test
    void theStateFileIsReadableOnlyByTheOwner() throws IOException {
        store().save(everyField());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state.txt"))));
    }

    @Test
    void aDamagedFileIsSetAsideAndThePhoneStartsEmpty() throws IOException {
        List<String> damaged = List.of(
                "",
                "garbage\n",
                "sipdesk-state\t2\n",
                new String(StateFormat.encode(everyField()), UTF_8).replace("end\t5\n", ""),
                new String(StateFormat.encode(everyField()), UTF_8).replace("end\t5", "end\t4"),
                new String(StateFormat.encode(everyField()), UTF_8).replace("MISSED", "LOST"),
                new String(StateFormat.encode(everyField()), UTF_8).replace("\\t", "\\x"),
                new String(StateFormat.encode(everyField()), UTF_8) + "extra\n",
                "sipdesk-state\t1\ndnd\t0\nforward.always\t1\t\n");
        for (String text : damaged) {
            Path file = dir.resolve("state.txt");
            Files.writeString(file, text, UTF_8);
            logged.clear();

            assertEquals(SavedState.EMPTY, store().load(), text);

            Path aside = dir.resolve("state.txt.bad-20261125T120000Z");
            assertEquals(text, Files.readString(aside, UTF_8));
            assertFalse(Files.exists(file));
            assertEquals(1, logged.size(), text);
            assertEquals(Level.WARNING, logged.get(0).getLevel());
            assertTrue(logged.get(0).getMessage().contains("is damaged"), logged.get(0).getMessage());
            Files.delete(aside);
        }
    }

    @Test
    void aFileThatIsNotTextIsSetAside() throws IOException {
        byte[] binary = {0x73, 0x69, (byte) 0xff, (byte) 0xfe, 0, 1, 2};
        Files.write(dir.resolve("state.txt"), binary);
        assertEquals(SavedState.EMPTY, store().load());
        assertArrayEquals(binary, Files.readAllBytes(dir.resolve("state.txt.bad-20261125T120000Z")));
    }

    @Test
    void aHugeFileIsSetAsideWithoutReadingIt() throws IOException {
        Files.write(dir.resolve("state.txt"), new byte[(int) FileStateStore.MAX_BYTES + 1]);
        assertEquals(SavedState.EMPTY, store().load());
        assertTrue(Files.exists(dir.resolve("state.txt.bad-20261125T120000Z")));
    }

    @Test
    void anUnreadableFileIsSetAside() throws IOException {
        Files.createDirectory(dir.resolve("state.txt"));
        assertEquals(SavedState.EMPTY, store().load());
        assertTrue(Files.isDirectory(dir.resolve("state.txt.bad-20261125T120000Z")));
        assertTrue(logged.get(0).getMessage().contains("cannot be read"), logged.get(0).getMessage());
    }

    @Test
    void aTemporaryFileLeftByACrashIsIgnoredAndCleanedUp() throws IOException {
        store().save(everyField());
        Path leftover = dir.resolve(".state.txt.123456789.tmp");
        Files.writeString(leftover, "sipdesk-state\t1\nhalf a sa", UTF_8);
        Path unrelated = dir.resolve("notes.tmp");
        Files.writeString(unrelated, "keep me", UTF_8);

        FileStateStore store = store();

        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(unrelated));
        assertEquals(everyField(), store.load());
    }

    @Test
    void aStateDirectoryThatDoesNotExistYetIsCreated() throws IOException {
        Path stateDir = dir.resolve("var/lib/sipdesk");
        FileStateStore store = FileStateStore.open(stateDir, CLOCK);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir)));
        assertEquals(SavedState.EMPTY, store.load());
        store.save(everyField());
        assertEquals(everyField(), FileStateStore.open(stateDir, CLOCK).load());
    }

    @Test
    void aFailedSaveIsLoggedAndThePhoneKeepsRunning() throws IOException {
        Path stateDir = dir.resolve("gone");
        FileStateStore store = FileStateStore.open(stateDir, CLOCK);
        Files.delete(stateDir); // as good as a card that went read-only or full

        store.save(everyField());

        assertEquals(1, logged.size());
        assertEquals(Level.WARNING, logged.get(0).getLevel());
        assertTrue(logged.get(0).getMessage().startsWith("could not save"), logged.get(0).getMessage());
    }

    @Test
    void theFileIsPlainLinesAPersonCanRead() {
        SavedState s = SavedState.EMPTY.withLastDialled("1234").withMissedCalls(2)
                .withSettings(UserSettings.DEFAULT.withAlways(Forward.to("2000")))
                .record(new HistoryEntry(NOW, Direction.MISSED, new Party("sip:1001@pbx", "Alice"), Duration.ZERO));
        assertEquals("""
                sipdesk-state\t1
                dnd\t0
                forward.always\t1\t2000
                forward.busy\t0\t
                forward.no_answer\t0\t
                last_dialled\t1234
                missed_calls\t2
                history\t2026-11-25T12:00:00Z\tMISSED\tPT0S\tsip:1001@pbx\tAlice
                end\t1
                """, new String(StateFormat.encode(s), UTF_8));
    }
}
