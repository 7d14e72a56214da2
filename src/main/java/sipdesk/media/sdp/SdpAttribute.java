package sipdesk.media.sdp;

import java.util.Objects;

/** One {@code a=} line: {@code a=name} (a property, value "") or {@code a=name:value}. */
public record SdpAttribute(String name, String value) {

    public SdpAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    public static SdpAttribute flag(String name) {
        return new SdpAttribute(name, "");
    }

    @Override
    public String toString() {
        return value.isEmpty() ? name : name + ":" + value;
    }
}
