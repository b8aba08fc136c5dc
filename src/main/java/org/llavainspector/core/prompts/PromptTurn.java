package org.llavainspector.core.prompts;

/** One turn of a few-shot conversation. */
public record PromptTurn(Role role, String text) {
    public enum Role {
        QUESTION, ANSWER, TEXT
    }
}
