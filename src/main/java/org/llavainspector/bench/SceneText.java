package org.llavainspector.bench;

import java.util.Random;

/**
 * English sentences about everyday photographs (COCO-like scenes), built from small word pools with a seeded
 * {@link Random}: the raw material of the synthetic questions, descriptions and reasoning answers.
 */
final class SceneText {
    /** A countable noun with its plural. */
    record Noun(String one, String many) {
    }

    private static final Noun[] OBJECTS = nouns(
            "bicycle", "car", "motorcycle", "bus/buses", "train", "truck", "boat", "traffic light", "fire hydrant",
            "stop sign", "parking meter", "bench/benches", "bird", "cat", "dog", "horse", "sheep/sheep", "cow",
            "elephant", "zebra", "giraffe", "backpack", "umbrella", "handbag", "suitcase", "frisbee", "kite",
            "skateboard", "surfboard", "tennis racket", "bottle", "wine glass/wine glasses", "cup", "bowl", "banana",
            "apple", "sandwich/sandwiches", "pizza", "donut", "cake", "chair", "couch/couches", "potted plant", "bed",
            "dining table", "laptop", "keyboard", "cell phone", "microwave", "refrigerator", "book", "clock", "vase",
            "teddy bear");
    private static final Noun[] PEOPLE = nouns(
            "man/men", "woman/women", "young boy", "little girl", "person/people", "skier", "surfer",
            "tennis player", "skateboarder", "chef", "child/children", "police officer", "tourist", "rider");
    private static final String[] COLOURS = {
        "white", "red", "blue", "green", "yellow", "black", "brown", "gray", "orange", "pink", "silver", "purple"
    };
    private static final String[] SETTINGS = {
        "a busy city street", "a grassy field", "a sandy beach", "a cozy living room", "a small kitchen",
        "a train platform", "a snowy mountain slope", "a public park", "an airport runway", "a farm pasture",
        "a restaurant table", "a harbor", "a tennis court", "a skate park", "a zoo enclosure", "an office desk",
        "a bathroom", "a parking lot", "a quiet residential street", "a market square"
    };
    private static final String[] POSITIONS = {
        "on the left side of the image", "on the right side of the image", "in the foreground",
        "in the background", "near the center of the scene", "closer to the top of the frame",
        "at the bottom of the picture", "slightly behind the main subject", "along the edge of the scene"
    };
    private static final String[] ACTIONS = {
        "riding", "holding", "standing next to", "looking at", "sitting on", "carrying", "walking past",
        "pointing at", "leaning against", "reaching for", "cleaning", "waiting beside"
    };
    private static final String[] STATES = {
        "moving", "parked", "empty", "in use", "new", "wet", "open", "crowded", "clean", "well lit"
    };
    private static final String[] ATMOSPHERES = {
        "a relaxed, casual atmosphere", "a lively and busy atmosphere", "a calm, peaceful mood",
        "a sense of everyday urban life", "a cheerful, friendly feeling", "a sense of adventure and fun",
        "an organized, efficient environment", "a warm and welcoming ambiance"
    };
    private static final String[] LIGHT = {
        "The sky is clear and bright, suggesting a sunny day.",
        "The lighting suggests that the photo was taken in the late afternoon.",
        "Overcast clouds cover the sky, giving the scene a soft, diffused light.",
        "The scene is lit by warm indoor lighting that creates a comfortable feel.",
        "Long shadows stretch across the ground, hinting at an early morning hour.",
        "A light rain seems to have fallen recently, as the surfaces look slightly wet."
    };
    private static final String[] PURPOSES = {
        "enjoying a leisurely day outdoors", "preparing for an upcoming event", "taking a short break",
        "commuting to work or school", "spending quality time with friends or family",
        "practicing a hobby they are passionate about", "running everyday errands", "exploring a new place"
    };
    private static final String[] SKILLS = {
        "good balance", "hand-eye coordination", "patience", "physical endurance", "careful planning",
        "situational awareness", "attention to detail", "quick reflexes", "clear communication", "flexibility"
    };
    private static final String[] CONNECTORS = {
        "Additionally, ", "Moreover, ", "Furthermore, ", "In addition, ", "At the same time, ", ""
    };
    private static final String[] COUNTS = {"two", "three", "four", "five", "several", "a few", "many"};
    private static final String[] ACCENTED = {
        "A chalkboard outside the café lists the day's specials, including crème brûlée.",
        "The hand-painted sign has a naïve, cheerful style that suits the small shop.",
        "A digital display on the wall shows a temperature of 23 °C.",
        "Someone has drawn a small smiley face 🙂 on the fogged-up window.",
        "A poster advertises a jalapeño festival in São Paulo."
    };
    private static final String[] CJK = {
        "The sign above the entrance reads \"東京ラーメン\", suggesting a Japanese noodle shop.",
        "A red banner with the characters \"欢迎光临\" welcomes customers into the store.",
        "The menu on the wall is written in Korean, with \"비빔밥\" listed near the top."
    };

    private final Random rng;

    SceneText(Random rng) {
        this.rng = rng;
    }

    Random random() {
        return rng;
    }

    String pick(String[] pool) {
        return pool[rng.nextInt(pool.length)];
    }

    Noun object() {
        return OBJECTS[rng.nextInt(OBJECTS.length)];
    }

    Noun person() {
        return PEOPLE[rng.nextInt(PEOPLE.length)];
    }

    String colour() {
        return pick(COLOURS);
    }

    String setting() {
        return pick(SETTINGS);
    }

    String position() {
        return pick(POSITIONS);
    }

    String action() {
        return pick(ACTIONS);
    }

    String state() {
        return pick(STATES);
    }

    String purpose() {
        return pick(PURPOSES);
    }

    String count() {
        return pick(COUNTS);
    }

    /** A sentence with accented Latin letters, a degree sign or an emoji. */
    String accentedSentence() {
        return pick(ACCENTED);
    }

    /** A sentence quoting Chinese, Japanese or Korean text. */
    String cjkSentence() {
        return pick(CJK);
    }

    /** The opening sentence of a description: who does what, where. */
    String openingSentence() {
        Noun who = person();
        Noun what = object();
        switch (rng.nextInt(4)) {
            case 0:
                return "The image shows " + a(who.one()) + " " + action() + " " + a(colour() + " " + what.one())
                        + " in " + setting() + ".";
            case 1:
                return "In the image, " + a(who.one()) + " is " + action() + " " + a(what.one()) + ", "
                        + position() + ".";
            case 2:
                return "The scene depicts " + setting() + " where " + count() + " " + who.many() + " are gathered "
                        + "around " + a(colour() + " " + what.one()) + ".";
            default:
                return "This picture captures " + a(who.one()) + " " + action() + " " + a(what.one())
                        + " while " + count() + " " + object().many() + " can be seen nearby.";
        }
    }

    /** A sentence adding one more detail to a description. */
    String detailSentence() {
        Noun what = object();
        switch (rng.nextInt(7)) {
            case 0:
                return "There are " + count() + " " + what.many() + " " + position() + ".";
            case 1:
                return capitalize(a(colour() + " " + what.one())) + " can be seen " + position()
                        + ", next to " + a(object().one()) + ".";
            case 2:
                return "In the background, " + count() + " " + person().many() + " are " + action() + " "
                        + object().many() + ".";
            case 3:
                return pick(LIGHT);
            case 4:
                return capitalize(pick(CONNECTORS) + "the " + what.one() + " appears to be " + state()
                        + ", which adds to " + pick(ATMOSPHERES) + ".");
            case 5:
                return capitalize(a(colour() + " " + object().one())) + " is placed " + position()
                        + ", partly hidden by " + a(what.one()) + ".";
            default:
                return "Overall, the scene conveys " + pick(ATMOSPHERES) + ".";
        }
    }

    /** A sentence of the kind complex-reasoning answers are made of. */
    String reasoningSentence() {
        Noun who = person();
        switch (rng.nextInt(6)) {
            case 0:
                return "This suggests that the " + who.one() + " might be " + purpose() + ".";
            case 1:
                return "It is likely that the " + object().one() + " is there for a practical reason, such as "
                        + purpose() + ".";
            case 2:
                return "To do this safely, the " + who.one() + " would need " + pick(SKILLS) + ", "
                        + pick(SKILLS) + " and " + pick(SKILLS) + ".";
            case 3:
                return capitalize(pick(CONNECTORS) + "the presence of " + count() + " " + object().many()
                        + " indicates that the location is regularly used by " + person().many() + ".");
            case 4:
                return "One possible challenge is that the " + object().one() + " could get in the way, so "
                        + "the " + who.many() + " should stay aware of their surroundings.";
            default:
                return "Given the setting, which looks like " + setting() + ", the people there are probably "
                        + purpose() + ".";
        }
    }

    /** Appends sentences from the given builder until the text reaches {@code targetChars}. */
    String extend(StringBuilder sb, int targetChars, boolean reasoning) {
        while (sb.length() < targetChars) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(reasoning ? reasoningSentence() : detailSentence());
        }
        return sb.toString();
    }

    /** An index into {@code weights}, drawn with probability proportional to its weight. */
    int weightedIndex(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = rng.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    /** A length in characters around {@code mean}: uniform between half and one and a half times the mean. */
    int lengthAround(int mean) {
        return mean / 2 + rng.nextInt(mean + 1);
    }

    static String a(String phrase) {
        char c = Character.toLowerCase(phrase.charAt(0));
        boolean vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
        return (vowel ? "an " : "a ") + phrase;
    }

    static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Noun[] nouns(String... specs) {
        Noun[] out = new Noun[specs.length];
        for (int i = 0; i < specs.length; i++) {
            int slash = specs[i].indexOf('/');
            out[i] = slash < 0 ? new Noun(specs[i], specs[i] + "s")
                    : new Noun(specs[i].substring(0, slash), specs[i].substring(slash + 1));
        }
        return out;
    }
}
