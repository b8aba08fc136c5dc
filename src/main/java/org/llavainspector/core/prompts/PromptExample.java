package org.llavainspector.core.prompts;

import java.util.List;

/**
 * One few-shot example: the context (captions and boxes from NNN_caps.txt) and the expected response (NNN_conv.txt).
 *
 * @param captions     caption lines (non-empty lines that are not boxes)
 * @param boxes        parsed boxes
 * @param otherLines   non-empty lines after the captions that look like neither (kept as text)
 * @param conversation the turns; a conv file without Question:/Answer: markers is one TEXT turn
 */
public record PromptExample(String number, String capsText, List<String> captions, List<PromptBox> boxes,
                            List<String> otherLines, String convText, List<PromptTurn> conversation) {
    public PromptExample {
        captions = List.copyOf(captions);
        boxes = List.copyOf(boxes);
        otherLines = List.copyOf(otherLines);
        conversation = List.copyOf(conversation);
    }

    /** True if the conversation is Question/Answer turns rather than a single text. */
    public boolean isDialogue() {
        return conversation.stream().anyMatch(t -> t.role() != PromptTurn.Role.TEXT);
    }

    @Override
    public String toString() {
        return number;
    }
}
