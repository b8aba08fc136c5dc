package org.llavainspector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.llavainspector.bench.DatasetKind;
import org.llavainspector.bench.DatasetSpec;
import org.llavainspector.bench.OutputFormat;
import org.llavainspector.bench.SyntheticDatasets;
import org.llavainspector.bench.SyntheticDatasets.GeneratedFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code generate KIND --out FILE}: writes a synthetic dataset shaped like one of the public LLaVA files. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write a synthetic LLaVA-style dataset shaped and sized like a public one.",
            "The same KIND, --records, --seed and --format always give the same bytes.",
            "The data goes to a temporary file beside FILE, moved into place when complete.",
            "",
            "KIND      imitates                       records  JSON size",
            "instruct  llava_instruct_150k.json       157,712    ~229 MB",
            "chat      CC-3M chat.json                595,375    ~211 MB",
            "mix       llava_v1_5_mix665k.json        665,298   ~1.03 GB",
            "pretrain  blip_laion_cc_sbu_558k.json    558,128    ~181 MB",
            ""
        })
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", converter = DatasetKindConverter.class,
            description = "instruct, chat, mix or pretrain")
    DatasetKind kind;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "file to write")
    Path out;

    @Option(names = "--records", paramLabel = "N",
            description = "number of records (default: as many as the real file)")
    Long records;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--format", paramLabel = "json|jsonl", defaultValue = "json", converter = FormatConverter.class,
            description = "json: one array, laid out like Python's json.dump(indent=2); jsonl: one compact record per "
                    + "line (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--force", description = "overwrite FILE if it exists")
    boolean force;

    @Override
    public Integer call() throws IOException {
        long count = records == null ? kind.defaultRecords() : records;
        if (count < 0) {
            throw new ParameterException(spec.commandLine(), "--records must not be negative: " + count);
        }
        long start = System.nanoTime();
        GeneratedFile file;
        try {
            file = SyntheticDatasets.writeFile(new DatasetSpec(kind, count, seed, format), out, force);
        } catch (FileAlreadyExistsException ex) {
            throw new CliException(out + " already exists (use --force to overwrite it)");
        } catch (NoSuchFileException ex) {
            throw new CliException("folder does not exist: " + ex.getFile());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "wrote %d %s records, %d bytes (%.1f MB), to %s in %.1f s%n",
                file.records(), kind.cliName(), file.bytes(), file.bytes() / 1e6, file.path(), seconds);
        w.flush();
        return 0;
    }

    /** Reads {@code json} or {@code jsonl}, in any case. */
    static final class FormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            for (OutputFormat f : OutputFormat.values()) {
                if (f.name().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new TypeConversionException("expected json or jsonl, not '" + value + "'");
        }
    }
}
