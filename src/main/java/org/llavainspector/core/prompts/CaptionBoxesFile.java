package org.llavainspector.core.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.llavainspector.core.dataset.Json;

/**
 * Reads LLaVA's captions-and-boxes JSON Lines files ({@code caps_boxes_coco2014_val_80.jsonl}): one object per line
 * with {@code id}, {@code image}, {@code captions} (strings) and {@code instances} ({@code category} and a normalized
 * {@code bbox} of four numbers). Blank lines are skipped; anything else that does not fit is an
 * {@link IllegalArgumentException} whose one-line message names the file and line.
 */
public final class CaptionBoxesFile {
    private static final com.fasterxml.jackson.databind.ObjectReader LINE = Json.MAPPER.reader()
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CaptionBoxesFile() {
    }

    /** All entries of {@code file}, in file order. */
    public static List<CaptionBoxes> read(Path file) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<CaptionBoxes> entries = new ArrayList<>();
        String name = PromptFiles.name(file);
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), utf8))) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (!text.isBlank()) {
                    entries.add(parse(text, name, line));
                }
            }
        } catch (CharacterCodingException e) {
            throw new IOException(name + ": not valid UTF-8 text");
        }
        return entries;
    }

    /** Parses one line ({@code name} and {@code line} are for the message of an error). */
    public static CaptionBoxes parse(String text, String name, int line) {
        String where = name + " line " + line + ": ";
        JsonNode node;
        try {
            node = LINE.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + "not a JSON object (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + "not a JSON object");
        }
        String id = scalar(node.get("id"), "id", where);
        String image = scalar(node.get("image"), "image", where);
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException(where + "no \"image\"");
        }
        List<String> captions = new ArrayList<>();
        JsonNode caps = node.get("captions");
        if (caps != null && !caps.isNull()) {
            if (!caps.isArray()) {
                throw new IllegalArgumentException(where + "\"captions\" is not a list");
            }
            for (JsonNode c : caps) {
                if (!c.isTextual()) {
                    throw new IllegalArgumentException(where + "a caption is not a string");
                }
                captions.add(c.asText());
            }
        }
        List<PromptBox> boxes = new ArrayList<>();
        JsonNode instances = node.get("instances");
        if (instances != null && !instances.isNull()) {
            if (!instances.isArray()) {
                throw new IllegalArgumentException(where + "\"instances\" is not a list");
            }
            int i = 0;
            for (JsonNode inst : instances) {
                boxes.add(box(inst, where + "instance " + i++ + ": "));
            }
        }
        return new CaptionBoxes(id, image, captions, boxes, line);
    }

    private static PromptBox box(JsonNode inst, String where) {
        if (!inst.isObject()) {
            throw new IllegalArgumentException(where + "not an object");
        }
        JsonNode category = inst.get("category");
        if (category == null || !category.isTextual()) {
            throw new IllegalArgumentException(where + "no \"category\" string");
        }
        JsonNode bbox = inst.get("bbox");
        if (bbox == null || !bbox.isArray() || bbox.size() != 4) {
            throw new IllegalArgumentException(where + "\"bbox\" is not a list of four numbers");
        }
        double[] v = new double[4];
        for (int k = 0; k < 4; k++) {
            if (!bbox.get(k).isNumber() || !Double.isFinite(bbox.get(k).asDouble())) {
                throw new IllegalArgumentException(where + "\"bbox\" is not a list of four numbers");
            }
            v[k] = bbox.get(k).asDouble();
        }
        return new PromptBox(category.asText(), v[0], v[1], v[2], v[3]);
    }

    private static String scalar(JsonNode value, String field, String where) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new IllegalArgumentException(where + "\"" + field + "\" is not a string or number");
        }
        return value.asText();
    }
}
