package sipdesk.hw.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sipdesk.core.Key;
import sipdesk.core.PhoneEvent;
import sipdesk.core.Screen;
import sipdesk.hw.LcdSize;

/**
 * The jssc link over a real pseudo-terminal pair made by socat: jssc opens one end as the phone,
 * the test plays the microcontroller on the other. Needs socat (CI installs it); without it the
 * test is skipped.
 */
class JsscSerialLinkPtyTest {
    private static final SerialFrontPanel.Options FAST = new SerialFrontPanel.Options(System::nanoTime,
            Duration.ofMillis(300), Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ZERO);

    @TempDir
    Path dir;

    private final List<PhoneEvent> events = new CopyOnWriteArrayList<>();

    /** The microcontroller's end: lines from the phone arrive in {@link #received}. */
    private static final class Firmware implements AutoCloseable {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final FileInputStream in;
        private final FileOutputStream out;

        Firmware(String device) throws IOException {
            in = new FileInputStream(device);
            out = new FileOutputStream(device);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
                    for (String line; (line = r.readLine()) != null; ) received.add(line);
                } catch (IOException e) {
                    // socat stopped: the line is gone
                }
            }, "fake-firmware " + device);
            reader.setDaemon(true);
            reader.start();
        }

        void send(String... lines) throws IOException {
            for (String l : lines) out.write((l + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Waits (bounded) for a line the predicate accepts; lines before it are dropped. */
        String await(java.util.function.Predicate<String> wanted, SerialFrontPanel panel) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                panel.poll(System.nanoTime());
                String line = received.poll(10, TimeUnit.MILLISECONDS);
                if (line != null && wanted.test(line)) return line;
            }
            throw new AssertionError("no such line from the phone within 5 s");
        }

        @Override
        public void close() throws IOException {
            out.close();
            in.close();
        }
    }

    private static void pollUntil(SerialFrontPanel panel, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 5 s");
            panel.poll(System.nanoTime());
            Thread.sleep(10);
        }
    }

    private static void assumeSocat() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat is not installed (apt-get install socat)");
    }

    private SerialFrontPanel openPanel(String port) {
        try {
            return SerialFrontPanel.open(JsscSerialLink.connector(port, 115200), LcdSize.LCD_16X2, events::add, FAST);
        } catch (sipdesk.hw.HardwareUnavailableException e) {
            Assumptions.abort("jssc cannot open a pty here: " + e.getMessage());
            throw e;
        }
    }

    @Test
    void keysComeInAndTheScreenGoesOutOverARealPty() throws Exception {
        assumeSocat();
        try (Socat socat = Socat.start(dir.resolve("socat.log"), null);
             Firmware fw = new Firmware(socat.ptys.get(1))) {
            SerialFrontPanel panel = openPanel(socat.ptys.get(0));
            try {
                fw.await("PING"::equals, panel);
                fw.send("HELLO pty-fw 0.1", "K 7", "H 1", "L #");
                pollUntil(panel, () -> events.size() == 3);
                assertEquals(List.of(new PhoneEvent.KeyPress(Key.DIGIT_7), new PhoneEvent.HookOff(),
                        new PhoneEvent.KeyLongPress(Key.POUND)), events);
                assertEquals("pty-fw 0.1", panel.firmware());

                panel.show(new Screen(List.of("Calling", "1002"), Set.of()));
                assertEquals("D 0 Calling        \\x20", fw.await(l -> l.startsWith("D 0"), panel));
                assertEquals("D 1 1002           \\x20", fw.await(l -> l.startsWith("D 1"), panel));
            } finally {
                panel.close();
            }
        }
    }

    @Test
    void thePanelComesBackAfterTheLineDisappears() throws Exception {
        assumeSocat();
        Path[] links = {dir.resolve("panel"), dir.resolve("firmware")};
        SerialFrontPanel panel;
        try (Socat socat = Socat.start(dir.resolve("socat1.log"), links);
             Firmware fw = new Firmware(links[1].toString())) {
            panel = openPanel(links[0].toString());
            fw.await("PING"::equals, panel);
            fw.send("HELLO one");
            pollUntil(panel, panel::isConnected);
        }
        // socat is gone: the device vanished. The panel notices (a failed write or no PONG).
        pollUntil(panel, () -> !panel.isConnected());
        try (Socat socat = Socat.start(dir.resolve("socat2.log"), links);
             Firmware fw = new Firmware(links[1].toString())) {
            fw.await("PING"::equals, panel); // it reopened the same name by itself
            fw.send("HELLO two", "K 3");
            pollUntil(panel, () -> events.contains(new PhoneEvent.KeyPress(Key.DIGIT_3)));
            assertEquals("two", panel.firmware());
            assertTrue(panel.isConnected());
        } finally {
            panel.close();
        }
    }
}
