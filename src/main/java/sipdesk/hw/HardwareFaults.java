package sipdesk.hw;

import java.nio.file.AccessDeniedException;
import java.util.Locale;

/** Turns what Pi4J and the kernel throw into messages that say what to do. */
final class HardwareFaults {
    private static final java.util.regex.Pattern ERRNO_121 = java.util.regex.Pattern.compile("\\b121\\b");
    private HardwareFaults() {}

    /** True when the cause chain says the device node refused us (EACCES/EPERM). */
    static boolean isPermissionDenied(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof AccessDeniedException) return true;
            String m = c.getMessage();
            if (m == null) continue;
            String lower = m.toLowerCase(Locale.ROOT);
            if (lower.contains("permission denied") || lower.contains("eacces") || lower.contains("eperm")
                    || lower.contains("operation not permitted")) {
                return true;
            }
        }
        return false;
    }

    /** True when an I2C write found no device answering (EREMOTEIO, errno 121): no LCD fitted. */
    static boolean isNoDevice(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m == null) continue;
            String lower = m.toLowerCase(Locale.ROOT);
            if (lower.contains("remote i/o") || lower.contains("eremoteio") || ERRNO_121.matcher(lower).find()) {
                return true;
            }
        }
        return false;
    }

    static String permissionHint(String device, String group) {
        return "permission denied on " + device + ": add the service user to group '" + group
                + "' (sudo usermod -aG " + group + " sipdesk) and restart the service";
    }

    /** One line for the log: what failed, where, and the fix when we know it. */
    static String describe(Throwable t, String device, String group) {
        if (isPermissionDenied(t)) return permissionHint(device, group);
        String root = rootMessage(t);
        if (isNoDevice(t)) return "nothing answers on " + device + " (" + root + ")";
        return device + ": " + root;
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) c = c.getCause();
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }
}
