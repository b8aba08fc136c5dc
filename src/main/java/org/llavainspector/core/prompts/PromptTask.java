package org.llavainspector.core.prompts;

import java.util.List;

/** One prompt folder: its name, system message and ordered few-shot examples. */
public record PromptTask(String name, String systemMessage, List<PromptExample> examples) {
    public PromptTask {
        examples = List.copyOf(examples);
    }

    @Override
    public String toString() {
        return name;
    }
}
