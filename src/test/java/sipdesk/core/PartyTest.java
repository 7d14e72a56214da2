package sipdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PartyTest {
    @Test
    void numberIsTheUserPartOfTheUri() {
        assertEquals("1001", Party.of("sip:1001@pbx.example;transport=udp").number());
        assertEquals("1001", Party.of("<sip:1001@pbx>").number());
        assertEquals("1001", Party.of("1001").number());
    }

    @Test
    void labelPrefersTheDisplayName() {
        assertEquals("Alice", new Party("sip:1001@pbx", "Alice").label());
        assertEquals("1001", new Party("sip:1001@pbx", "").label());
    }
}
