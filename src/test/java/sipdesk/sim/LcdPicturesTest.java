package sipdesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import sipdesk.hw.LcdImage;
import sipdesk.hw.LcdSize;
import sipdesk.core.CallId;
import sipdesk.core.CallSettings;
import sipdesk.core.Key;
import sipdesk.core.Party;
import sipdesk.core.PhoneEvent.*;
import sipdesk.core.RedirectTarget;
import sipdesk.core.RegistrationState;
import sipdesk.core.Screen;
import sipdesk.testing.PhoneHarness;

/**
 * The README's LCD pictures are drawn by the real screen code. This test keeps them true: it
 * renders each screen and compares it with the file in images/ (set -Dsipdesk.images.write=true
 * to rewrite them after a deliberate change). The PNGs are drawn dot by dot through the LCD driver's
 * own encoding and font (LcdImage) and compared pixel by pixel: PNG bytes may differ between zlib
 * versions, the pixels may not.
 */
class LcdPicturesTest {
    private static final boolean WRITE = Boolean.getBoolean("sipdesk.images.write");

    static Map<String, Screen> screens() {
        Map<String, Screen> s = new LinkedHashMap<>();
        var settings = CallSettings.DEFAULTS.toBuilder().label("Front desk").build();
        var h = new PhoneHarness(settings);
        h.send(new RegistrationChanged(new RegistrationState.Registered("pbx", "sip:1001@pbx")));
        s.put("idle", h.screen());
        h.offHook().type("1002");
        s.put("dialling", h.screen());
        h.type("#");
        CallId out = new CallId("out-1");
        h.send(new Redirected(out, 302, java.util.List.of(new RedirectTarget("sip:1003@pbx", 1))));
        s.put("forwarded", h.screen());
        h.send(new Answered(out));
        s.put("connected", h.screen());
        h.onHook();
        h.send(new IncomingCall(new CallId("in-1"), new Party("sip:1005@pbx", "Alice"), Optional.empty(), false));
        s.put("ringing", h.screen());
        h.send(new IncomingCancelled(new CallId("in-1")));
        h.press(Key.DND);
        s.put("dnd", h.screen());
        return s;
    }

    @Test
    void imagesMatchWhatTheScreenCodeDraws() throws Exception {
        for (var e : screens().entrySet()) {
            Path file = Path.of("images", "lcd-" + e.getKey() + ".svg");
            String svg = LcdPicture.svg(e.getValue(), "16x2 LCD: " + e.getKey());
            if (WRITE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, svg);
            }
            assertEquals(svg, Files.readString(file), file + " is out of date: run the test with -Dsipdesk.images.write=true");
        }
    }

    @Test
    void pngPicturesMatchWhatTheLcdWouldShow() throws Exception {
        for (var e : screens().entrySet()) {
            Path file = Path.of("images", LcdImage.fileName(e.getKey()));
            BufferedImage drawn = LcdImage.draw(e.getValue(), LcdSize.LCD_16X2, "16x2 LCD: " + e.getKey());
            if (WRITE) {
                Files.createDirectories(file.getParent());
                Files.write(file, LcdImage.png(drawn));
            }
            assertEquals(true, Files.exists(file), file + " is missing: run the test with -Dsipdesk.images.write=true");
            BufferedImage stored = ImageIO.read(file.toFile());
            assertEquals(drawn.getWidth() + "x" + drawn.getHeight(), stored.getWidth() + "x" + stored.getHeight(),
                    file + " has another size: run the test with -Dsipdesk.images.write=true");
            int[] want = drawn.getRGB(0, 0, drawn.getWidth(), drawn.getHeight(), null, 0, drawn.getWidth());
            int[] have = stored.getRGB(0, 0, stored.getWidth(), stored.getHeight(), null, 0, stored.getWidth());
            assertEquals(true, java.util.Arrays.equals(want, have),
                    file + " is out of date: run the test with -Dsipdesk.images.write=true");
        }
    }
}
