package sipdesk.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The target set of RFC 3261 8.1.3.4 for one outgoing call: every Contact learnt from 3xx
 * responses, tried in decreasing q order, each URI once (which is what prevents redirect loops),
 * and at most {@code max} of them in all.
 */
public record RedirectTargets(List<RedirectTarget> pending, Set<String> tried, Optional<String> current, int max) {

    public RedirectTargets {
        pending = List.copyOf(pending);
        tried = Set.copyOf(tried);
    }

    public static RedirectTargets none(int max) {
        return new RedirectTargets(List.of(), Set.of(), Optional.empty(), max);
    }

    /**
     * Adds the Contacts of a 3xx. URIs already tried or already pending are left out. The pending
     * list stays sorted by q, highest first; equal q keeps arrival order.
     */
    public RedirectTargets learn(List<RedirectTarget> contacts) {
        List<RedirectTarget> merged = new ArrayList<>(pending);
        Set<String> known = new LinkedHashSet<>(tried);
        pending.forEach(t -> known.add(normalise(t.uri())));
        current.ifPresent(c -> known.add(normalise(c)));
        for (RedirectTarget c : contacts) {
            if (known.add(normalise(c.uri()))) merged.add(c);
        }
        merged.sort(Comparator.comparingDouble(RedirectTarget::q).reversed());
        return new RedirectTargets(merged, tried, current, max);
    }

    /** The next target to try, if any is left within the limit. */
    public Optional<RedirectTarget> next() {
        if (pending.isEmpty() || tried.size() >= max) return Optional.empty();
        return Optional.of(pending.get(0));
    }

    /** Marks {@code target} as the one being tried now. */
    public RedirectTargets follow(RedirectTarget target) {
        List<RedirectTarget> rest = new ArrayList<>(pending);
        rest.remove(target);
        Set<String> t = new LinkedHashSet<>(tried);
        t.add(normalise(target.uri()));
        return new RedirectTargets(rest, t, Optional.of(target.uri()), max);
    }

    public int hops() {
        return tried.size();
    }

    /** URIs compare without angle brackets and case in the scheme and host (good enough for loop detection). */
    static String normalise(String uri) {
        String s = uri.trim();
        if (s.startsWith("<") && s.endsWith(">")) s = s.substring(1, s.length() - 1);
        int at = s.indexOf('@');
        return at < 0 ? s.toLowerCase(java.util.Locale.ROOT) : s.substring(0, at) + s.substring(at).toLowerCase(java.util.Locale.ROOT);
    }
}
