package org.llavainspector.bench;

import java.util.ArrayList;
import java.util.List;
import org.llavainspector.bench.SyntheticRecord.Turn;

/**
 * Text-only, ShareGPT-like conversations as found in the LLaVA-1.5 mix: id like {@code i6IyJda_0}, no image,
 * {@code "model": ""}, several long answers (numbered lists and paragraphs).
 */
final class TextOnlyConversations implements RecordSource {
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int[] PAIR_WEIGHTS = {30, 25, 18, 12, 8, 7};
    private static final int ANSWER_MEAN = 1_920;

    private static final String[] TOPICS = {
        "customer segmentation", "remote work", "renewable energy", "machine learning", "time management",
        "public speaking", "urban gardening", "personal finance", "project planning", "database indexing",
        "learning a new language", "writing a cover letter", "training for a marathon", "home networking"
    };
    private static final String[] ASPECTS = {
        "Clarity", "Consistency", "Stability", "Cost", "Scalability", "Simplicity", "Feedback", "Motivation",
        "Measurement", "Preparation", "Flexibility", "Communication"
    };
    private static final String[] GROUPS = {
        "beginners", "small teams", "students", "managers", "developers", "families", "customers", "researchers"
    };
    private static final String[] VERBS = {
        "set clear goals", "review progress regularly", "keep things simple", "ask for feedback early",
        "write down the key assumptions", "compare several options", "start with a small experiment",
        "track the results over time", "avoid unnecessary complexity", "document the decisions"
    };

    private final SceneText text;

    TextOnlyConversations(SceneText text) {
        this.text = text;
    }

    @Override
    public SyntheticRecord next() {
        StringBuilder id = new StringBuilder(10);
        for (int i = 0; i < 7; i++) {
            id.append(ID_CHARS.charAt(text.random().nextInt(ID_CHARS.length())));
        }
        id.append('_').append(text.random().nextInt(4) * 2);
        int pairs = 1 + text.weightedIndex(PAIR_WEIGHTS);
        List<Turn> turns = new ArrayList<>(pairs * 2);
        for (int i = 0; i < pairs; i++) {
            String topic = text.pick(TOPICS);
            turns.add(Turn.human(question(topic)));
            turns.add(Turn.gpt(answer(topic)));
        }
        return new SyntheticRecord(id.toString(), null, "", turns);
    }

    private String question(String topic) {
        switch (text.random().nextInt(5)) {
            case 0:
                return "How can I tell if my approach to " + topic + " is working? In 3 bullet points.";
            case 1:
                return "Explain " + topic + " to " + text.pick(GROUPS) + " in simple terms.";
            case 2:
                return "What are some practical tips for " + topic + "?";
            case 3:
                return "Write a short paragraph about the most common mistakes in " + topic + ".";
            default:
                return "Can you continue?";
        }
    }

    private String answer(String topic) {
        int target = text.lengthAround(ANSWER_MEAN);
        StringBuilder sb = new StringBuilder();
        boolean list = text.random().nextBoolean();
        for (int n = 1; sb.length() < target; n++) {
            if (list) {
                sb.append(n == 1 ? "" : "\n").append(n).append(". ").append(text.pick(ASPECTS)).append(": ");
            } else if (n > 1) {
                sb.append(n % 3 == 0 ? "\n\n" : " ");
            }
            sb.append(sentence(topic));
        }
        return sb.toString();
    }

    private String sentence(String topic) {
        String group = text.pick(GROUPS);
        switch (text.random().nextInt(4)) {
            case 0:
                return "When it comes to " + topic + ", " + group + " should " + text.pick(VERBS) + ".";
            case 1:
                return "It is important to " + text.pick(VERBS) + " so that " + group + " can see what works.";
            case 2:
                return "A common mistake is to skip this step; instead, " + text.pick(VERBS) + " and "
                        + text.pick(VERBS) + ".";
            default:
                return "Over time, this helps " + group + " " + text.pick(VERBS) + " with less effort.";
        }
    }
}
