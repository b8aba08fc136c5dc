package org.llavainspector.core.prompts;

/** One labelled bounding box from a caps file, normalized coordinates in [0, 1]. */
public record PromptBox(String label, double x1, double y1, double x2, double y2) {
    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }
}
