package sipdesk.media.tone;

/** The outcome of reading a tone string: a pattern, or a message saying what is wrong and where. */
public sealed interface ParsedTone {

    record Valid(TonePattern pattern) implements ParsedTone {
    }

    record Invalid(String message) implements ParsedTone {
    }
}
