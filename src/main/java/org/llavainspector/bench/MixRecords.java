package org.llavainspector.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.llavainspector.bench.SceneText.Noun;
import org.llavainspector.bench.SyntheticRecord.Turn;

/**
 * Records like {@code llava_v1_5_mix665k.json}: the instruct records under {@code coco/train2017/}, short-answer VQA
 * (COCO, GQA), book-cover OCR-VQA, multiple choice, captions of TextVQA images, referring expressions (COCO, Visual
 * Genome) and about 6% text-only conversations without an image and with {@code "model": ""}. Sources are drawn in the
 * proportions of the real mix.
 */
final class MixRecords implements RecordSource {
    private enum Source { INSTRUCT, VQA, GQA, OCR_VQA, CHOICE, TEXTCAPS, REFCOCO, VG, TEXT_ONLY }

    /** Record counts of the sources in the real mix (VQAv2 + OK-VQA, GQA, OCR-VQA, A-OKVQA, TextCaps, ...). */
    private static final int[] SOURCE_WEIGHTS = {
        157_712, 91_781, 72_140, 80_000, 66_160, 21_953, 48_447, 86_417, 40_688
    };
    private static final String SHORT_ANSWER = "\nAnswer the question using a single word or phrase.";
    private static final String LETTER_ANSWER = "\nAnswer with the option's letter from the given choices directly.";

    private static final String[] GENRES = {
        "Cookbooks, Food & Wine", "Travel", "Science Fiction & Fantasy", "History", "Children's Books",
        "Business & Money", "Health, Fitness & Dieting", "Arts & Photography", "Religion & Spirituality",
        "Computers & Technology", "Literature & Fiction", "Sports & Outdoors"
    };
    private static final String[] FIRST_NAMES = {
        "James", "Mary", "Robert", "Linda", "David", "Susan", "Maria", "Thomas", "Karen", "Daniel", "Laura", "Peter"
    };
    private static final String[] LAST_NAMES = {
        "Smith", "Johnson", "Brown", "Miller", "Davis", "Garcia", "Wilson", "Moore", "Clark", "Lewis", "Walker"
    };
    private static final String[] TITLE_WORDS = {
        "Kitchen", "Journey", "Garden", "River", "Secrets", "Guide", "Mountain", "Art", "History", "Stars",
        "Recipes", "Science", "Ocean", "City", "Light", "Home"
    };

    private final SceneText text;
    private final InstructRecords instruct;
    private final TextOnlyConversations textOnly;
    private final IdPermutation cocoIds;
    private final IdPermutation gqaIds;
    private final IdPermutation vgIds;
    private long index;

    MixRecords(SceneText text) {
        this.text = text;
        this.instruct = new InstructRecords(text, "coco/train2017/");
        this.textOnly = new TextOnlyConversations(text);
        this.cocoIds = new IdPermutation(581_929, text.random());
        this.gqaIds = new IdPermutation(2_420_000, text.random());
        this.vgIds = new IdPermutation(2_420_000, text.random());
    }

    @Override
    public SyntheticRecord next() {
        long n = index++;
        Source source = Source.values()[text.weightedIndex(SOURCE_WEIGHTS)];
        switch (source) {
            case INSTRUCT:
                return instruct.next();
            case TEXT_ONLY:
                return textOnly.next();
            case VQA:
                return imageRecord(coco(n), "coco/train2017/", shortAnswers(1 + text.random().nextInt(10)));
            case GQA:
                return imageRecord(Long.toString(gqaIds.apply(n) + 1), "gqa/images/",
                        shortAnswers(1 + text.random().nextInt(20)));
            case OCR_VQA:
                String isbn = IdPermutation.zeroPadded(Math.floorMod(text.random().nextLong(), 10_000_000_000L), 10);
                return imageRecord(isbn, "ocr_vqa/images/", bookQuestions());
            case CHOICE:
                return imageRecord(coco(n), "coco/train2017/", multipleChoice());
            case TEXTCAPS:
                return imageRecord(hex16(text.random().nextLong()), "textvqa/train_images/", caption());
            case REFCOCO:
                return imageRecord(coco(n), "coco/train2017/", regions(1 + text.random().nextInt(5)));
            default:
                return imageRecord(Long.toString(vgIds.apply(n) + 1), "vg/VG_100K/",
                        regions(2 + text.random().nextInt(9)));
        }
    }

    private String coco(long n) {
        return IdPermutation.zeroPadded(cocoIds.apply(n) + 1, 12);
    }

    private static SyntheticRecord imageRecord(String id, String folder, List<Turn> turns) {
        turns.set(0, Turn.human("<image>\n" + turns.get(0).value()));
        return new SyntheticRecord(id, folder + id + ".jpg", null, turns);
    }

    private List<Turn> shortAnswers(int pairs) {
        List<Turn> turns = new ArrayList<>(pairs * 2);
        for (int i = 0; i < pairs; i++) {
            Noun o = text.object();
            Noun p = text.person();
            String q;
            String a;
            switch (text.random().nextInt(5)) {
                case 0:
                    q = "What color is the " + o.one() + "?";
                    a = SceneText.capitalize(text.colour());
                    break;
                case 1:
                    q = "How many " + o.many() + " are there?";
                    a = Integer.toString(1 + text.random().nextInt(6));
                    break;
                case 2:
                    q = "Is the " + o.one() + " " + text.state() + "?";
                    a = text.random().nextBoolean() ? "Yes" : "No";
                    break;
                case 3:
                    q = "What is the " + p.one() + " " + text.action() + "?";
                    a = SceneText.capitalize(o.one());
                    break;
                default:
                    q = "Which side of the photo is the " + o.one() + " on?";
                    a = text.random().nextBoolean() ? "Left" : "Right";
                    break;
            }
            turns.add(Turn.human(q + SHORT_ANSWER));
            turns.add(Turn.gpt(a));
        }
        return turns;
    }

    private List<Turn> bookQuestions() {
        String author = text.pick(FIRST_NAMES) + " " + text.pick(LAST_NAMES);
        String title = "The " + text.pick(TITLE_WORDS) + " of " + text.pick(TITLE_WORDS);
        String genre = text.pick(GENRES);
        String otherGenre = text.pick(GENRES);
        List<Turn> turns = new ArrayList<>(10);
        turns.add(Turn.human("Who wrote this book?"));
        turns.add(Turn.gpt(author));
        turns.add(Turn.human("What is the title of this book?"));
        turns.add(Turn.gpt(title));
        turns.add(Turn.human("What type of book is this?"));
        turns.add(Turn.gpt(genre));
        turns.add(Turn.human("Is this book related to " + otherGenre + "?"));
        turns.add(Turn.gpt(otherGenre.equals(genre) ? "Yes" : "No"));
        return turns;
    }

    private List<Turn> multipleChoice() {
        Noun p = text.person();
        String question = "What is the " + p.one() + " most likely going to do next?";
        StringBuilder sb = new StringBuilder(question);
        for (char letter = 'A'; letter <= 'D'; letter++) {
            sb.append('\n').append(letter).append(". ").append(text.action()).append(' ')
                    .append(SceneText.a(text.object().one()));
        }
        sb.append(LETTER_ANSWER);
        List<Turn> turns = new ArrayList<>(2);
        turns.add(Turn.human(sb.toString()));
        turns.add(Turn.gpt(String.valueOf((char) ('A' + text.random().nextInt(4)))));
        return turns;
    }

    private List<Turn> caption() {
        List<Turn> turns = new ArrayList<>(2);
        turns.add(Turn.human("Provide a one-sentence caption for the provided image."));
        turns.add(Turn.gpt(SceneText.capitalize(SceneText.a(text.colour() + " " + text.object().one()))
                + " with a sign that says " + text.pick(TITLE_WORDS).toLowerCase(Locale.ROOT) + " on it."));
        return turns;
    }

    private List<Turn> regions(int pairs) {
        List<Turn> turns = new ArrayList<>(pairs * 2);
        for (int i = 0; i < pairs; i++) {
            String phrase = text.colour() + " " + text.object().one() + " " + text.position();
            String box = box();
            if (text.random().nextBoolean()) {
                turns.add(Turn.human("Please provide the bounding box coordinate of the region this sentence "
                        + "describes: " + phrase + "."));
                turns.add(Turn.gpt(box));
            } else {
                turns.add(Turn.human("Please provide a short description for this region: " + box));
                turns.add(Turn.gpt(SceneText.capitalize(phrase) + "."));
            }
        }
        return turns;
    }

    private static String hex16(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(16 - hex.length()) + hex;
    }

    /** {@code [x1, y1, x2, y2]} in hundredths of the image size, printed like Python floats ({@code 0.5}, not 0.50). */
    private String box() {
        int x1 = text.random().nextInt(80);
        int y1 = text.random().nextInt(80);
        int x2 = x1 + 1 + text.random().nextInt(100 - x1);
        int y2 = y1 + 1 + text.random().nextInt(100 - y1);
        return "[" + hundredths(x1) + ", " + hundredths(y1) + ", " + hundredths(x2) + ", " + hundredths(y2) + "]";
    }

    static String hundredths(int value) {
        if (value >= 100) {
            return "1.0";
        }
        if (value % 10 == 0) {
            return "0." + value / 10;
        }
        return value < 10 ? "0.0" + value : "0." + value;
    }
}
