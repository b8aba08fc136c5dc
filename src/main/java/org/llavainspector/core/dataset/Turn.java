package org.llavainspector.core.dataset;

/**
 * One turn of a conversation as written in the file.
 *
 * @param from who speaks ({@code human}, {@code gpt}, {@code system}, ...), or null when missing or not a string
 * @param value the text, or null when missing or not a string
 */
public record Turn(String from, String value) {
    // written out: a record's generated equals and hashCode are linked on first call (tens of ms in a cold JVM, on
    // the FX thread when the window first shows samples)
    @Override
    public boolean equals(Object o) {
        return o instanceof Turn t && java.util.Objects.equals(t.from, from) && java.util.Objects.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(from) * 31 + java.util.Objects.hashCode(value);
    }

    /** True when this turn is the human side. */
    public boolean isHuman() {
        return "human".equals(from);
    }

    /** True when this turn is the model side. */
    public boolean isGpt() {
        return "gpt".equals(from);
    }
}
