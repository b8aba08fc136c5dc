package org.llavainspector.core.validate;

import java.util.Set;
import java.util.function.Consumer;
import org.llavainspector.core.dataset.JsonShape;
import org.llavainspector.core.dataset.RecordSummary;
import org.llavainspector.core.dataset.RecordVisitor;

/**
 * Checks the structure of every record during a streaming pass and reports each {@link Problem} to a sink, in
 * record order. Image files are checked separately (they need the image sources).
 */
public final class RecordValidator implements RecordVisitor {
    /** The {@code from} values LLaVA-style data uses. */
    public static final Set<String> KNOWN_FROM = Set.of("human", "gpt", "system");

    private final Consumer<Problem> sink;
    private FirstRecordOfId firstRecordOfId = new FirstRecordOfId();

    public RecordValidator(Consumer<Problem> sink) {
        this.sink = sink;
    }

    @Override
    public void visit(RecordSummary r) {
        checkId(r);
        checkImageField(r);
        checkConversations(r);
    }

    /** The pass is over: the ids seen are no longer needed (a validator can outlive its pass by far). */
    @Override
    public void finish(org.llavainspector.core.dataset.DatasetFormat format, int records) {
        firstRecordOfId = null;
    }

    private void report(RecordSummary r, ProblemKind kind, String message) {
        sink.accept(new Problem(r.index(), r.id(), r.line(), kind, message));
    }

    private void checkId(RecordSummary r) {
        JsonShape shape = r.idShape();
        if (shape == JsonShape.MISSING) {
            report(r, ProblemKind.MISSING_FIELD, "no \"id\"");
        } else if (shape != JsonShape.STRING && shape != JsonShape.NUMBER) {
            report(r, ProblemKind.WRONG_TYPE, "\"id\" is " + shape.description() + ", expected a string");
        } else {
            if (firstRecordOfId == null) {
                firstRecordOfId = new FirstRecordOfId(); // visited again after a finish: a new pass
            }
            int first = firstRecordOfId.putIfAbsent(r.id(), r.index());
            if (first >= 0) {
                report(r, ProblemKind.DUPLICATE_ID, "id " + r.id() + " already used by record " + first);
            }
        }
    }

    private void checkImageField(RecordSummary r) {
        JsonShape shape = r.imageShape();
        boolean wellTyped = shape == JsonShape.MISSING || shape == JsonShape.STRING
                || shape == JsonShape.ARRAY && !r.imageListHasNonString();
        if (!wellTyped) {
            report(r, ProblemKind.WRONG_TYPE, shape == JsonShape.ARRAY
                    ? "\"image\" is a list holding something other than strings"
                    : "\"image\" is " + shape.description() + ", expected a string or a list of strings");
            return;
        }
        int images = r.imageCount();
        int tokens = r.totalImageTokens();
        if (tokens > 0 && images == 0) {
            report(r, ProblemKind.IMAGE_TOKEN_WITHOUT_IMAGE, tokens + " <image> token(s) but the record has no image");
        } else if (tokens == 0 && images > 0) {
            report(r, ProblemKind.IMAGE_WITHOUT_TOKEN, images + " image(s) but no <image> token in any turn");
        } else if (tokens != images) {
            report(r, ProblemKind.IMAGE_TOKEN_COUNT_MISMATCH, tokens + " <image> tokens for " + images + " images");
        }
    }

    private void checkConversations(RecordSummary r) {
        JsonShape shape = r.conversationsShape();
        if (shape == JsonShape.MISSING) {
            report(r, ProblemKind.MISSING_FIELD, "no \"conversations\"");
            return;
        }
        if (shape != JsonShape.ARRAY) {
            report(r, ProblemKind.WRONG_TYPE, "\"conversations\" is " + shape.description() + ", expected a list");
            return;
        }
        if (r.turnCount() == 0) {
            report(r, ProblemKind.EMPTY_CONVERSATIONS, "\"conversations\" is an empty list");
            return;
        }
        for (int t = 0; t < r.turnCount(); t++) {
            checkTurn(r, t);
        }
        checkOrder(r);
    }

    private void checkTurn(RecordSummary r, int t) {
        if (r.turnShape(t) != JsonShape.OBJECT) {
            report(r, ProblemKind.WRONG_TYPE, "turn " + t + " is " + r.turnShape(t).description() + ", expected an object");
            return;
        }
        JsonShape from = r.fromShape(t);
        if (from == JsonShape.MISSING) {
            report(r, ProblemKind.MISSING_FIELD, "turn " + t + " has no \"from\"");
        } else if (from != JsonShape.STRING) {
            report(r, ProblemKind.WRONG_TYPE, "turn " + t + " \"from\" is " + from.description() + ", expected a string");
        } else if (!KNOWN_FROM.contains(r.from(t))) {
            report(r, ProblemKind.UNKNOWN_FROM, "turn " + t + " is from \"" + r.from(t) + "\"");
        }
        JsonShape value = r.valueShape(t);
        if (value == JsonShape.MISSING) {
            report(r, ProblemKind.MISSING_FIELD, "turn " + t + " has no \"value\"");
        } else if (value != JsonShape.STRING) {
            report(r, ProblemKind.NON_STRING_VALUE, "turn " + t + " \"value\" is " + value.description());
        } else if (r.valueBlank(t)) {
            report(r, ProblemKind.EMPTY_VALUE, "turn " + t + " (" + r.from(t) + ") has an empty \"value\"");
        }
    }

    private void checkOrder(RecordSummary r) {
        String expected = "human";
        boolean first = true;
        for (int t = 0; t < r.turnCount(); t++) {
            String from = r.from(t);
            if (from == null || "system".equals(from) || !KNOWN_FROM.contains(from)) {
                continue;
            }
            if (first && !"human".equals(from)) {
                report(r, ProblemKind.FIRST_TURN_NOT_HUMAN, "the first turn is from \"" + from + "\"");
                return;
            }
            if (!first && !from.equals(expected)) {
                report(r, ProblemKind.TURNS_NOT_ALTERNATING, "turn " + t + " is from \"" + from + "\" after a \""
                        + from + "\" turn");
                return;
            }
            first = false;
            expected = "human".equals(from) ? "gpt" : "human";
        }
    }
}
