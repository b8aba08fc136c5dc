package org.llavainspector.core.validate;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of problem a validation finds; {@link #kind()} is the stable name used in output and queries. */
public enum ProblemKind {
    WRONG_TYPE("wrong-type", Severity.ERROR, "a field has the wrong JSON type (e.g. conversations not a list)"),
    MISSING_FIELD("missing-field", Severity.ERROR, "a record has no id or conversations, or a turn no from/value"),
    EMPTY_CONVERSATIONS("empty-conversations", Severity.ERROR, "conversations is an empty list"),
    FIRST_TURN_NOT_HUMAN("first-turn-not-human", Severity.ERROR, "the first turn (after system turns) is not from human"),
    TURNS_NOT_ALTERNATING("turns-not-alternating", Severity.ERROR, "human and gpt turns do not alternate"),
    UNKNOWN_FROM("unknown-from", Severity.ERROR, "a turn's from is not human, gpt or system"),
    EMPTY_VALUE("empty-value", Severity.ERROR, "a turn's value is empty or only whitespace"),
    NON_STRING_VALUE("non-string-value", Severity.ERROR, "a turn's value is not a string"),
    IMAGE_TOKEN_WITHOUT_IMAGE("image-token-without-image", Severity.ERROR, "<image> token but no image"),
    IMAGE_WITHOUT_TOKEN("image-without-token", Severity.ERROR, "an image but no <image> token"),
    IMAGE_TOKEN_COUNT_MISMATCH("image-token-count-mismatch", Severity.ERROR,
            "number of <image> tokens differs from the number of images"),
    DUPLICATE_ID("duplicate-id", Severity.NOTICE, "the id was used by an earlier record (legitimate in LLaVA-Instruct)"),
    MISSING_IMAGE("missing-image", Severity.ERROR, "the image is in none of the image sources"),
    UNREADABLE_IMAGE("unreadable-image", Severity.ERROR, "the image exists but cannot be read"),
    CORRUPT_IMAGE("corrupt-image", Severity.ERROR, "the image is empty, truncated or cannot be decoded"),
    WRONG_IMAGE_FORMAT("wrong-image-format", Severity.ERROR, "the image bytes are another format than the extension says");

    /** Whether a problem makes {@code validate} fail (exit 1) or is only reported. */
    public enum Severity {
        ERROR,
        NOTICE
    }

    private final String kind;
    private final Severity severity;
    private final String description;

    ProblemKind(String kind, Severity severity, String description) {
        this.kind = kind;
        this.severity = severity;
        this.description = description;
    }

    /** Stable kebab-case name, e.g. {@code first-turn-not-human}. */
    public String kind() {
        return kind;
    }

    public Severity severity() {
        return severity;
    }

    /** One line saying what the kind means. */
    public String description() {
        return description;
    }

    /** The kind with this stable name. */
    public static Optional<ProblemKind> byName(String kind) {
        return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
    }
}
