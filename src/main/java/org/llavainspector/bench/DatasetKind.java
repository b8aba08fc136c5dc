package org.llavainspector.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The public LLaVA files the generator imitates, with their record counts and the size (in bytes, pretty-printed with
 * indent 2) that a full-size synthetic file should come close to.
 */
public enum DatasetKind {
    /** {@code llava_instruct_150k.json}: 157,712 records, 229 MB. */
    INSTRUCT(157_712, 229_000_000L),
    /** CC-3M {@code chat.json} (LLaVA-CC3M-Pretrain-595K): 595,375 records, 211 MB. */
    CHAT(595_375, 211_000_000L),
    /**
     * {@code llava_v1_5_mix665k.json}: 665,298 records. The size target (about 1.03 GB) is the published file's size
     * as remembered, not checked against the file.
     */
    MIX(665_298, 1_030_000_000L),
    /**
     * {@code blip_laion_cc_sbu_558k.json} (LCS-558K): 558,128 records. The size target (about 181 MB) is the published
     * file's size as remembered, not checked against the file.
     */
    PRETRAIN(558_128, 181_000_000L);

    private final long defaultRecords;
    private final long targetBytes;

    DatasetKind(long defaultRecords, long targetBytes) {
        this.defaultRecords = defaultRecords;
        this.targetBytes = targetBytes;
    }

    /** The name used on the command line and in file names: {@code instruct}, {@code chat}, ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public long defaultRecords() {
        return defaultRecords;
    }

    /** Size the full-size JSON file (indent 2) aims at. */
    public long targetBytes() {
        return targetBytes;
    }

    public double targetBytesPerRecord() {
        return (double) targetBytes / defaultRecords;
    }

    /** The kind with that command-line name (case-insensitive). */
    public static DatasetKind fromName(String name) {
        for (DatasetKind kind : values()) {
            if (kind.cliName().equalsIgnoreCase(name.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown dataset kind '" + name + "' (expected one of: " + names() + ")");
    }

    /** {@code "instruct, chat, mix, pretrain"} */
    public static String names() {
        return Arrays.stream(values()).map(DatasetKind::cliName).collect(Collectors.joining(", "));
    }

    RecordSource newSource(SceneText text) {
        switch (this) {
            case INSTRUCT:
                return new InstructRecords(text, "");
            case CHAT:
                return CaptionRecords.cc3mChat(text);
            case MIX:
                return new MixRecords(text);
            default:
                return CaptionRecords.lcsPretrain(text);
        }
    }
}
