package sipdesk.hw;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything wired to the Pi's 40-pin header (BCM GPIO numbers). Each part is optional: a phone
 * without LEDs or a ringer relay leaves those empty. {@link #DEFAULT} is the wiring of
 * {@code hardware/README.md}.
 */
public record PinMap(Optional<KeypadWiring> keypad, Optional<HookWiring> hook, Optional<LcdWiring> lcd,
                     Optional<LampWiring> lamps, Optional<RingerWiring> ringer, ButtonWiring buttons) {

    /** GPIO2/3 carry I2C bus 1 (the LCD); nothing else may use them while the LCD is fitted. */
    private static final List<Integer> I2C1 = List.of(2, 3);

    public static final PinMap DEFAULT = new PinMap(Optional.of(KeypadWiring.DEFAULT_4X3),
            Optional.of(HookWiring.DEFAULT), Optional.of(LcdWiring.DEFAULT), Optional.of(LampWiring.DEFAULT),
            Optional.of(RingerWiring.DEFAULT), ButtonWiring.NONE);

    public PinMap {
        Map<Integer, String> owner = new HashMap<>();
        keypad.ifPresent(k -> {
            k.rows().forEach(bcm -> claim(owner, bcm, "keypad row"));
            k.columns().forEach(bcm -> claim(owner, bcm, "keypad column"));
        });
        hook.ifPresent(h -> claim(owner, h.bcm(), "hook"));
        lcd.ifPresent(l -> {
            if (l.bus() == 1) I2C1.forEach(bcm -> claim(owner, bcm, "LCD I2C"));
        });
        lamps.ifPresent(l -> l.pins().forEach((lamp, bcm) -> claim(owner, bcm, "lamp " + lamp)));
        ringer.ifPresent(r -> claim(owner, r.bcm(), "ringer"));
        buttons.buttons().forEach((bcm, key) -> claim(owner, bcm, "button " + key));
    }

    private static void claim(Map<Integer, String> owner, int bcm, String what) {
        String previous = owner.putIfAbsent(bcm, what);
        if (previous != null) {
            throw new IllegalArgumentException("GPIO" + bcm + " is wired twice: " + previous + " and " + what);
        }
    }

    public PinMap withKeypad(KeypadWiring k) {
        return new PinMap(Optional.of(k), hook, lcd, lamps, ringer, buttons);
    }

    public PinMap withLcd(LcdWiring l) {
        return new PinMap(keypad, hook, Optional.of(l), lamps, ringer, buttons);
    }

    public PinMap withButtons(ButtonWiring b) {
        return new PinMap(keypad, hook, lcd, lamps, ringer, b);
    }

    /** Every GPIO in use, for log lines at start-up. */
    public List<Integer> usedGpios() {
        List<Integer> all = new ArrayList<>();
        keypad.ifPresent(k -> { all.addAll(k.rows()); all.addAll(k.columns()); });
        hook.ifPresent(h -> all.add(h.bcm()));
        lcd.ifPresent(l -> { if (l.bus() == 1) all.addAll(I2C1); });
        lamps.ifPresent(l -> all.addAll(l.pins().values()));
        ringer.ifPresent(r -> all.add(r.bcm()));
        all.addAll(buttons.buttons().keySet());
        return all;
    }
}
