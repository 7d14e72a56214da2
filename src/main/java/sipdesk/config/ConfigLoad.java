package sipdesk.config;

import java.util.List;
import java.util.Objects;

/** The outcome of reading a configuration file: applied (maybe with warnings) or rejected whole. */
public sealed interface ConfigLoad {

    List<ConfigProblem> warnings();

    /** The file is usable; {@code warnings} name what was ignored (each key kept its previous value). */
    record Loaded(SipdeskConfig config, List<ConfigProblem> warnings) implements ConfigLoad {
        public Loaded {
            Objects.requireNonNull(config, "config");
            warnings = List.copyOf(warnings);
        }
    }

    /** Nothing of the file may be applied: {@code errors} is never empty. */
    record Rejected(List<ConfigProblem> errors, List<ConfigProblem> warnings) implements ConfigLoad {
        public Rejected {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
            if (errors.isEmpty()) throw new IllegalArgumentException("a rejected file needs at least one error");
        }
    }
}
