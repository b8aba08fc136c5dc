package org.llavainspector.bench;

import java.util.List;
import java.util.function.Supplier;
import org.llavainspector.bench.SyntheticRecord.Turn;

/**
 * Two-turn caption records: a brief-description instruction with {@code <image>} and a short caption, as in the
 * CC-3M {@code chat.json} (595k) and the LCS-558K {@code blip_laion_cc_sbu_558k.json} pretraining files.
 */
final class CaptionRecords implements RecordSource {
    private static final long CC3M_ID_RANGE = 3_318_333;
    private static final long LCS_ID_RANGE = 6_600_000;

    private final SceneText text;
    private final IdPermutation ids;
    private final boolean cc3m;
    private final Supplier<String> captions;
    private long index;

    private CaptionRecords(SceneText text, long idRange, boolean cc3m) {
        this.text = text;
        this.ids = new IdPermutation(idRange, text.random());
        this.cc3m = cc3m;
        CaptionText captionText = new CaptionText(text);
        this.captions = cc3m ? captionText::cc3m : captionText::blip;
    }

    /** {@code {"id": "GCC_train_002582585", "image": "GCC_train_002582585.jpg", ...}} */
    static CaptionRecords cc3mChat(SceneText text) {
        return new CaptionRecords(text, CC3M_ID_RANGE, true);
    }

    /** {@code {"id": "004539375", "image": "00453/004539375.jpg", ...}} */
    static CaptionRecords lcsPretrain(SceneText text) {
        return new CaptionRecords(text, LCS_ID_RANGE, false);
    }

    @Override
    public SyntheticRecord next() {
        String number = IdPermutation.zeroPadded(ids.apply(index++), 9);
        String id = cc3m ? "GCC_train_" + number : number;
        String image = cc3m ? id + ".jpg" : number.substring(0, 5) + "/" + number + ".jpg";
        String prompt = text.pick(CaptionText.BRIEF_PROMPTS);
        String human = text.random().nextBoolean() ? "<image>\n" + prompt : prompt + "\n<image>";
        return new SyntheticRecord(id, image, null, List.of(Turn.human(human), Turn.gpt(captions.get())));
    }
}
