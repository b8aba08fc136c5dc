package org.llavainspector.bench;

import java.util.List;

/**
 * One generated LLaVA record; {@code image} and {@code model} are null when the record has no such key
 * (text-only records of the mix carry {@code "model": ""} and no image).
 */
record SyntheticRecord(String id, String image, String model, List<Turn> turns) {

    /** One conversation turn: {@code from} is "human" or "gpt". */
    record Turn(String from, String value) {
        static Turn human(String value) {
            return new Turn("human", value);
        }

        static Turn gpt(String value) {
            return new Turn("gpt", value);
        }
    }
}
