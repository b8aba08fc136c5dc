package org.llavainspector.bench;

import java.util.ArrayList;
import java.util.List;
import org.llavainspector.bench.SceneText.Noun;
import org.llavainspector.bench.SyntheticRecord.Turn;

/**
 * Records like {@code llava_instruct_150k.json}: multi-turn conversations, detailed descriptions and complex-reasoning
 * answers about COCO images. One image usually gets records of two or three types; they are spread through the file
 * by drawing from a shuffling window, so the same id reappears a few thousand records apart.
 */
final class InstructRecords implements RecordSource {
    private static final long COCO_ID_RANGE = 581_929;
    private static final int WINDOW = 4096;

    /** Chance that an image has a record of each type (≈ 58k, 23k and 77k records over ≈ 81k images). */
    private static final double P_CONVERSATION = 0.70;
    private static final double P_DETAIL = 0.29;
    private static final double P_COMPLEX = 0.95;

    /** Weights of 1..8 question-answer pairs in a conversation record. */
    private static final int[] PAIR_WEIGHTS = {10, 18, 22, 20, 14, 8, 5, 3};

    /* Mean lengths in characters, tuned so that full-size files come out at the size of the real one. */
    private static final int CONVERSATION_ANSWER_MEAN = 321;
    private static final int DETAIL_MEAN = 1_030;
    private static final int COMPLEX_MEAN = 983;

    private static final String[] DETAIL_PROMPTS = {
        "What do you see happening in this image?", "What do you think is going on in this snapshot?",
        "Can you elaborate on the elements of the picture provided?", "What's happening in the scene?",
        "Explain the visual content of the image in great detail.", "Describe the following image.",
        "Write a detailed description of the given image.", "Can you describe the main features of this image for me?",
        "What are the key elements in this picture?", "Analyze the image in a comprehensive and detailed manner.",
        "What is this photo about?", "Describe the image in detail."
    };

    private enum Type { CONVERSATION, DETAIL, COMPLEX }

    private record Pending(long imageId, Type type) {
    }

    private final SceneText text;
    private final String imagePrefix;
    private final IdPermutation imageIds;
    private final List<Pending> window = new ArrayList<>(WINDOW + 3);
    private long imagesUsed;

    /** @param imagePrefix folder prepended to the image file name ("" or e.g. {@code coco/train2017/}) */
    InstructRecords(SceneText text, String imagePrefix) {
        this.text = text;
        this.imagePrefix = imagePrefix;
        this.imageIds = new IdPermutation(COCO_ID_RANGE, text.random());
    }

    @Override
    public SyntheticRecord next() {
        while (window.size() < WINDOW) {
            addImage();
        }
        int i = text.random().nextInt(window.size());
        Pending p = window.get(i);
        window.set(i, window.get(window.size() - 1));
        window.remove(window.size() - 1);
        return build(p);
    }

    private void addImage() {
        long id = imageIds.apply(imagesUsed++) + 1;
        int before = window.size();
        if (text.random().nextDouble() < P_CONVERSATION) {
            window.add(new Pending(id, Type.CONVERSATION));
        }
        if (text.random().nextDouble() < P_DETAIL) {
            window.add(new Pending(id, Type.DETAIL));
        }
        if (window.size() == before || text.random().nextDouble() < P_COMPLEX) {
            window.add(new Pending(id, Type.COMPLEX));
        }
    }

    private SyntheticRecord build(Pending p) {
        String id = IdPermutation.zeroPadded(p.imageId(), 12);
        List<Turn> turns = new ArrayList<>();
        switch (p.type()) {
            case CONVERSATION:
                conversation(turns);
                break;
            case DETAIL:
                turns.add(Turn.human(text.pick(DETAIL_PROMPTS)));
                turns.add(Turn.gpt(detailAnswer()));
                break;
            default:
                complex(turns);
                break;
        }
        turns.set(0, Turn.human(withImageToken(turns.get(0).value())));
        return new SyntheticRecord(id, imagePrefix + id + ".jpg", null, turns);
    }

    private String withImageToken(String question) {
        return text.random().nextBoolean() ? "<image>\n" + question : question + "\n<image>";
    }

    private void conversation(List<Turn> turns) {
        int pairs = 1 + text.weightedIndex(PAIR_WEIGHTS);
        for (int i = 0; i < pairs; i++) {
            String[] qa = questionAndAnswer();
            StringBuilder answer = new StringBuilder(qa[1]);
            if (text.random().nextInt(10) < 7) {
                text.extend(answer, text.lengthAround(CONVERSATION_ANSWER_MEAN), false);
            }
            turns.add(Turn.human(qa[0]));
            turns.add(Turn.gpt(withOccasionalNonAscii(answer)));
        }
    }

    private String detailAnswer() {
        StringBuilder sb = new StringBuilder(text.openingSentence());
        int target = text.lengthAround(DETAIL_MEAN);
        text.extend(sb, target * 11 / 20, false);
        sb.append("\n\n");
        int paragraphStart = sb.length();
        sb.append(text.detailSentence());
        while (sb.length() - paragraphStart < target * 9 / 20) {
            sb.append(' ').append(text.detailSentence());
        }
        return withOccasionalNonAscii(sb);
    }

    private void complex(List<Turn> turns) {
        Noun who = text.person();
        Noun what = text.object();
        String question;
        switch (text.random().nextInt(7)) {
            case 0:
                question = "What might be the purpose of the " + what.one() + " in this scene?";
                break;
            case 1:
                question = "What challenges might the " + who.one() + " face in this situation?";
                break;
            case 2:
                question = "Why might the " + who.one() + " be " + text.action() + " the " + what.one() + "?";
                break;
            case 3:
                question = "What can be inferred about the location from the image?";
                break;
            case 4:
                question = "What safety precautions should the " + who.many() + " take here?";
                break;
            case 5:
                question = "What skill set might someone need to do what the " + who.one() + " is doing?";
                break;
            default:
                question = "What could be the reason for so many " + what.many() + " being in one place?";
                break;
        }
        StringBuilder answer = new StringBuilder(text.openingSentence());
        text.extend(answer, text.lengthAround(COMPLEX_MEAN), true);
        turns.add(Turn.human(question));
        turns.add(Turn.gpt(withOccasionalNonAscii(answer)));
    }

    private String[] questionAndAnswer() {
        Noun o = text.object();
        Noun p = text.person();
        String state = text.state();
        switch (text.random().nextInt(8)) {
            case 0:
                return new String[] {"What color is the " + o.one() + " in the image?",
                    "The " + o.one() + " in the image is " + text.colour() + " and " + text.colour() + "."};
            case 1:
                return new String[] {"How many " + o.many() + " are there in the image?",
                    "There are " + text.count() + " " + o.many() + " in the image."};
            case 2:
                return new String[] {"What is the " + p.one() + " doing?",
                    "The " + p.one() + " is " + text.action() + " " + SceneText.a(o.one()) + " "
                        + text.position() + "."};
            case 3:
                return new String[] {"Where is the " + o.one() + " located?",
                    "The " + o.one() + " is located " + text.position() + ", in " + text.setting() + "."};
            case 4:
                return new String[] {"Is the " + o.one() + " " + state + "?", text.random().nextBoolean()
                    ? "Yes, the " + o.one() + " appears to be " + state + "."
                    : "No, the " + o.one() + " does not seem to be " + state + "."};
            case 5:
                return new String[] {"What is the main focus of the image?", "The main focus of the image is "
                    + SceneText.a(p.one()) + " " + text.action() + " " + SceneText.a(o.one()) + "."};
            case 6:
                return new String[] {"What kind of place is shown in the image?",
                    "The image shows " + text.setting() + "."};
            default:
                return new String[] {"Are there any " + p.many() + " in the image?",
                    "Yes, there are " + text.count() + " " + p.many() + " in the image, " + text.position() + "."};
        }
    }

    /**
     * One answer in 200 gets a sentence with accents, °C or an emoji, another one in 200 a sentence with CJK
     * text: with about two answers per record, each lands in about 1% of the records.
     */
    private String withOccasionalNonAscii(StringBuilder answer) {
        int roll = text.random().nextInt(200);
        if (roll == 0) {
            answer.append(' ').append(text.accentedSentence());
        } else if (roll == 1) {
            answer.append(' ').append(text.cjkSentence());
        }
        return answer.toString();
    }
}
