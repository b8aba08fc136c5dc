package org.llavainspector.bench;

/**
 * Short lowercase alt-text captions: CC-3M style (hypernymised, tokenised: {@code "actor attends the premiere ."})
 * and BLIP style (no final punctuation: {@code "a red car parked in front of a house"}).
 */
final class CaptionText {
    /** The brief-description instructions LLaVA pairs with captions (LLaVA paper, table 8). */
    static final String[] BRIEF_PROMPTS = {
        "Describe the image concisely.", "Provide a brief description of the given image.",
        "Offer a succinct explanation of the picture presented.", "Summarize the visual content of the image.",
        "Give a short and clear explanation of the subsequent image.",
        "Share a concise interpretation of the image provided.",
        "Present a compact description of the photo's key features.",
        "Relay a brief, clear account of the picture shown.", "Render a clear and concise summary of the photo.",
        "Write a terse but informative summary of the picture.",
        "Create a compact narrative representing the image presented."
    };

    private static final String[] PEOPLE = {
        "actor", "person", "football player", "politician", "musician", "pop artist", "celebrity", "author",
        "film director", "tennis player", "model", "comedian", "country artist", "basketball player"
    };
    private static final String[] VERBS = {
        "attends", "arrives at", "performs on stage at", "poses for a photo at", "speaks during", "walks the runway at",
        "leaves", "celebrates after"
    };
    private static final String[] EVENTS = {
        "the premiere", "the event", "the festival", "the awards", "the match", "the game", "the fashion show",
        "a concert", "a press conference", "the gala", "the launch party"
    };
    private static final String[] ADJECTIVES = {
        "beautiful", "old", "modern", "white", "wooden", "traditional", "abstract", "vintage", "small", "colorful",
        "empty", "historic", "cute", "young", "red", "golden", "rustic", "luxury"
    };
    private static final String[] THINGS = {
        "house", "bridge", "church", "kitchen", "bedroom", "beach", "mountain lake", "street", "garden", "road",
        "building", "car", "dog", "cat", "flowers", "tree", "city skyline", "boat", "wedding dress", "cake",
        "living room", "christmas tree", "forest", "waterfall", "sofa", "coffee cup", "bicycle", "lighthouse"
    };
    private static final String[] PLACES = {
        "in the city", "at sunset", "in the forest", "on a sunny day", "in winter", "near the river",
        "on the beach", "in the park", "at night", "in the mountains", "on a white background", "in autumn"
    };
    private static final String[] PRODUCT_WORDS = {
        "select", "premium", "classic", "deluxe", "handmade", "portable", "organic", "stainless steel", "leather",
        "cotton", "memory foam", "ceramic", "wireless", "adjustable"
    };
    private static final String[] PRODUCTS = {
        "mattress topper", "coffee table", "phone case", "wall clock", "table lamp", "throw pillow", "backpack",
        "wrist watch", "dining chair", "area rug", "water bottle", "desk organizer", "bed frame", "tote bag"
    };
    private static final String[] EXTRAS = {
        "with friends", "during the day", "for the first time", "in front of a crowd", "on a rainy day",
        "with a view of the sea", "next to the old town", "after the rain", "at the weekend", "near the station"
    };
    private static final String[] ORDINALS = {"first", "second", "third", "fourth", "winning"};
    private static final String[] NON_ASCII = {
        "café", "naïve", "crème brûlée", "jalapeño", "são paulo", "zürich", "東京", "北京"
    };

    /* Percent of captions that get one more phrase: tunes the full-size files to the size of the real ones. */
    private static final int CC3M_EXTRA_PERCENT = 52;
    private static final int BLIP_EXTRA_PERCENT = 65;

    private final SceneText text;

    CaptionText(SceneText text) {
        this.text = text;
    }

    /** A CC-3M style caption: lowercase, punctuation split off by spaces, usually ending in {@code " ."}. */
    String cc3m() {
        String caption;
        switch (text.random().nextInt(7)) {
            case 0:
                caption = text.pick(PEOPLE) + " " + text.pick(VERBS) + " " + text.pick(EVENTS) + " .";
                break;
            case 1:
                caption = text.pick(PEOPLE) + " and " + text.pick(PEOPLE) + " attend " + text.pick(EVENTS) + " "
                        + text.pick(PLACES) + " .";
                break;
            case 2:
                caption = text.pick(ADJECTIVES) + " " + text.pick(THINGS) + " " + text.pick(PLACES);
                break;
            case 3:
                caption = "vector illustration of " + SceneText.a(text.pick(ADJECTIVES) + " " + text.pick(THINGS))
                        + " on a " + text.colour() + " background .";
                break;
            case 4:
                caption = SceneText.a(text.person().one()) + " " + text.action() + " " + SceneText.a(text.pick(THINGS))
                        + " " + text.pick(PLACES) + " , which is " + text.pick(ADJECTIVES) + " .";
                break;
            case 5:
                caption = text.pick(PEOPLE) + " celebrates scoring his side 's " + text.pick(ORDINALS)
                        + " goal during the match .";
                break;
            default:
                caption = "the " + text.pick(THINGS) + " is " + SceneText.a(text.pick(ADJECTIVES)) + " place to "
                        + "relax " + text.pick(PLACES) + " .";
                break;
        }
        return withOccasionalNonAscii(withExtra(caption, CC3M_EXTRA_PERCENT));
    }

    /** A BLIP style caption: lowercase, no final punctuation; some read like product listings. */
    String blip() {
        String caption;
        switch (text.random().nextInt(4)) {
            case 0:
                caption = text.pick(PRODUCT_WORDS) + " " + text.pick(ADJECTIVES) + " " + (2 + text.random().nextInt(9))
                        + " - inch " + text.pick(PRODUCT_WORDS) + " " + text.pick(PRODUCTS);
                break;
            case 1:
                caption = SceneText.a(text.colour() + " " + text.object().one()) + " " + text.pick(PLACES);
                break;
            case 2:
                caption = "the " + text.pick(ADJECTIVES) + " " + text.pick(THINGS) + " " + text.pick(PLACES);
                break;
            default:
                caption = SceneText.a(text.person().one()) + " " + text.action() + " "
                        + SceneText.a(text.pick(ADJECTIVES) + " " + text.pick(THINGS));
                break;
        }
        return withOccasionalNonAscii(withExtra(caption, BLIP_EXTRA_PERCENT));
    }

    private String withExtra(String caption, int percent) {
        if (text.random().nextInt(100) >= percent) {
            return caption;
        }
        String extra = " " + text.pick(EXTRAS);
        return caption.endsWith(" .") ? caption.substring(0, caption.length() - 2) + extra + " ." : caption + extra;
    }

    /** About one caption in a hundred names a place or dish with non-ASCII letters. */
    private String withOccasionalNonAscii(String caption) {
        if (text.random().nextInt(100) != 0) {
            return caption;
        }
        return caption + " in " + text.pick(NON_ASCII);
    }
}
