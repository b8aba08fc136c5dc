package org.llavainspector.core.prompts;

import java.util.List;

/**
 * One line of LLaVA's {@code caps_boxes_*.jsonl}: a COCO image with its five captions and its labelled instances
 * (normalized {@code [x1, y1, x2, y2]} boxes), the context LLaVA gave GPT-4 for that image.
 *
 * @param line the 1-based line of the file it came from
 */
public record CaptionBoxes(String id, String image, List<String> captions, List<PromptBox> instances, int line) {
    public CaptionBoxes {
        captions = List.copyOf(captions);
        instances = List.copyOf(instances);
    }
}
