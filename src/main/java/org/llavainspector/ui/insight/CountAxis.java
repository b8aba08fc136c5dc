package org.llavainspector.ui.insight;

import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * The value axis of a chart of counts: its ticks are labelled with whole numbers only ({@code 12,500}, not
 * {@code 12500.0}), and a tick between two whole numbers (a chart of two records ticks every 0.25) has no label.
 */
final class CountAxis {
    private CountAxis() {
    }

    static NumberAxis create(String label) {
        NumberAxis axis = new NumberAxis();
        axis.setLabel(label);
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                double v = value.doubleValue();
                return v == Math.rint(v) ? String.format("%,d", (long) v) : "";
            }

            @Override
            public Number fromString(String text) {
                return Long.parseLong(text.replace(",", ""));
            }
        });
        return axis;
    }
}
