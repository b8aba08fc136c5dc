package org.llavainspector.core.dataset;

/**
 * One turn of a conversation as written in the file.
 *
 * @param from who speaks ({@code human}, {@code gpt}, {@code system}, ...), or null when missing or not a string
 * @param value the text, or null when missing or not a string
 */
public record Turn(String from, String value) {
    /** True when this turn is the human side. */
    public boolean isHuman() {
        return "human".equals(from);
    }

    /** True when this turn is the model side. */
    public boolean isGpt() {
        return "gpt".equals(from);
    }
}
