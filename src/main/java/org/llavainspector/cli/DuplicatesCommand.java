package org.llavainspector.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.llavainspector.core.compare.DuplicateGroups;
import org.llavainspector.core.compare.DuplicateGroups.Group;
import org.llavainspector.core.compare.DuplicateGroups.Kind;
import org.llavainspector.core.compare.ImageHashCache;
import org.llavainspector.core.compare.ImageHashes;
import org.llavainspector.core.compare.NearDuplicates;
import org.llavainspector.core.compare.NearHashGroups;
import org.llavainspector.core.curation.SessionStore;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.dataset.DemoDataset;
import org.llavainspector.core.image.ImageDecoder;
import org.llavainspector.core.image.ImageLoader;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.image.ImageStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code duplicates FILE [--json] [--list N] [--near --images SRC... [--map PREFIX=SRC]... [--distance N]]}: records
 * sharing an id, a first image, or a conversation, and with {@code --near} records whose first images look alike.
 */
@Command(name = "duplicates", mixinStandardHelpOptions = true,
        description = {"Find groups of records that share an id, a first image, or an identical conversation",
            "(turns' from and value; whitespace does not count), largest groups first.",
            "With --near, also groups of records whose first images look alike (a 64-bit perceptual hash, dHash,",
            "within --distance bits), each distinct image hashed once; hashes are kept in a cache file beside the",
            "session sidecar (DATASET.llava-hashes.bin) so that a second run decodes nothing."})
public final class DuplicatesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A LLaVA dataset file (JSON array or JSONL).")
    Path file;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--list", paramLabel = "N", defaultValue = "10",
            description = "Groups shown per kind (default: ${DEFAULT-VALUE}).")
    int list;

    @Option(names = "--near", description = "Also find near-duplicate images (needs --images).")
    boolean near;

    @Option(names = "--images", paramLabel = "SRC", description = "Image source, a zip or a folder (repeatable).")
    List<Path> images = new ArrayList<>();

    @Option(names = "--map", paramLabel = "PREFIX=SRC",
            description = "Look up paths starting with PREFIX in SRC with the prefix removed, e.g. "
                    + "coco/train2017/=train2017.zip (repeatable).")
    List<String> maps = new ArrayList<>();

    @Option(names = "--distance", paramLabel = "N",
            description = "Largest number of differing hash bits of near duplicates, 0 to 16 (default: "
                    + NearDuplicates.DEFAULT_DISTANCE + ").")
    Integer distance;

    @Option(names = "--threads", paramLabel = "N", description = "Decoding threads (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-cache", description = "Neither read nor write the hash cache.")
    boolean noCache;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        PrintWriter out = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), "reading " + file.getFileName(),
                !json);
        List<Group> groups;
        NearDuplicates.Result near = null;
        try (DatasetIndex index = DatasetIndex.build(file, progress)) {
            groups = new ArrayList<>(DuplicateGroups.find(index, progress));
            if (this.near) {
                near = findNear(index);
                groups.addAll(near.groups());
            }
            if (json) {
                printJson(out, index, groups, near);
            } else {
                printText(out, index, groups, near);
            }
        } finally {
            progress.clear();
        }
        return 0;
    }

    private void checkOptions() {
        if (list < 0) {
            throw new CliException("--list must be 0 or more, not " + list);
        }
        if (!near && (!images.isEmpty() || !maps.isEmpty() || distance != null)) {
            throw new ParameterException(spec.commandLine(), "--images, --map and --distance need --near");
        }
        if (near && images.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--near needs at least one --images SRC");
        }
        if (distance != null && (distance < 0 || distance > NearHashGroups.MAX_DISTANCE)) {
            throw new CliException("--distance must be 0 to " + NearHashGroups.MAX_DISTANCE + ", not " + distance);
        }
        if (threads < 1) {
            throw new CliException("--threads must be 1 or more, not " + threads);
        }
    }

    private NearDuplicates.Result findNear(DatasetIndex index) throws IOException {
        ImageSources sources = ImagesCommand.openSources(images, maps);
        Path cacheFile = noCache ? null : cacheFile();
        ImageHashCache cache = null;
        if (cacheFile != null) {
            try {
                cache = ImageHashCache.load(cacheFile);
            } catch (IOException e) {
                // a damaged cache is rebuilt, not a reason to fail
                spec.commandLine().getErr().println("warning: " + e.getMessage() + "; hashing every image again");
                cache = new ImageHashCache();
            }
        }
        ConsoleProgress hashing = new ConsoleProgress(spec.commandLine().getErr(), "hashing images", !json);
        try (sources) {
            NearDuplicates.Result result = NearDuplicates.find(index, new ImageLoader(sources, new ImageDecoder()),
                    cache, distance == null ? NearDuplicates.DEFAULT_DISTANCE : distance, threads, hashing);
            if (cache != null && cache.isChanged()) {
                try {
                    cache.save(cacheFile);
                } catch (IOException e) {
                    spec.commandLine().getErr().println("warning: cannot write the hash cache " + cacheFile + ": "
                            + e.getMessage());
                }
            }
            return result;
        } finally {
            hashing.clear();
        }
    }

    /**
     * The hash cache beside where the session sidecar of FILE is (or would be) kept; for the bundled demo, in the
     * per-user folder, as the app does, never inside the app.
     */
    private Path cacheFile() {
        SessionStore store = new SessionStore();
        try {
            Path demo = DemoDataset.folder().toAbsolutePath().normalize();
            if (file.toAbsolutePath().normalize().startsWith(demo)) {
                store = SessionStore.inFolder(store.fallbackDir());
            }
        } catch (RuntimeException e) {
            // no bundled demo here
        }
        return ImageHashCache.besideSession(store.locate(List.of(file)));
    }

    private int distance() {
        return distance == null ? NearDuplicates.DEFAULT_DISTANCE : distance;
    }

    private List<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>(Kind.exact());
        if (near) {
            kinds.add(Kind.NEAR_IMAGE);
        }
        return kinds;
    }

    private void printJson(PrintWriter out, DatasetIndex index, List<Group> groups, NearDuplicates.Result near)
            throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("file", file.toString());
            for (Kind kind : kinds()) {
                List<Group> ofKind = DuplicateGroups.ofKind(groups, kind);
                g.writeObjectFieldStart(kind == Kind.NEAR_IMAGE ? kind.jsonName()
                        : kind.name().toLowerCase(Locale.ROOT));
                g.writeNumberField("groups", ofKind.size());
                g.writeNumberField("records", ofKind.stream().mapToInt(Group::size).sum());
                if (kind == Kind.NEAR_IMAGE) {
                    g.writeNumberField("distance", distance());
                    writeHashCounts(g, near.hashes());
                }
                g.writeArrayFieldStart("examples");
                for (Group group : ofKind.subList(0, Math.min(list, ofKind.size()))) {
                    g.writeStartObject();
                    g.writeStringField("key", group.key());
                    g.writeArrayFieldStart("records");
                    for (int r : group.records()) {
                        g.writeNumber(r);
                    }
                    g.writeEndArray();
                    if (kind == Kind.NEAR_IMAGE) {
                        g.writeArrayFieldStart("ids");
                        for (int r : group.records()) {
                            g.writeString(index.id(r));
                        }
                        g.writeEndArray();
                        g.writeArrayFieldStart("images");
                        for (NearDuplicates.ImageDistance image : near.imagesOf(group)) {
                            g.writeStartObject();
                            g.writeStringField("path", image.path());
                            g.writeNumberField("distance", image.distance());
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        out.println();
    }

    private static void writeHashCounts(JsonGenerator g, ImageHashes.Result hashes) throws IOException {
        g.writeObjectFieldStart("images");
        g.writeNumberField("distinct", hashes.paths().size());
        g.writeNumberField("hashed", hashes.hashedCount());
        for (ImageStatus problem : List.of(ImageStatus.MISSING, ImageStatus.UNREADABLE, ImageStatus.CORRUPT)) {
            g.writeNumberField(problem.kind().replace("-image", ""), hashes.problems().getOrDefault(problem, 0));
        }
        g.writeNumberField("decoded", hashes.decoded());
        g.writeNumberField("fromCache", hashes.fromCache());
        g.writeEndObject();
    }

    private void printText(PrintWriter out, DatasetIndex index, List<Group> groups, NearDuplicates.Result near) {
        out.println(file);
        for (Kind kind : kinds()) {
            List<Group> ofKind = DuplicateGroups.ofKind(groups, kind);
            out.printf("  %-24s %d groups, %d records%n", kind.label(), ofKind.size(),
                    ofKind.stream().mapToInt(Group::size).sum());
            if (kind == Kind.NEAR_IMAGE) {
                ImageHashes.Result h = near.hashes();
                String problems = NearDuplicates.describeProblems(h);
                out.printf("      (%d distinct images: %d hashed%s; %d decoded, %d from the cache; distance <= %d)%n",
                        h.paths().size(), h.hashedCount(), problems.isEmpty() ? "" : ", " + problems, h.decoded(),
                        h.fromCache(), distance());
                for (Group group : ofKind.subList(0, Math.min(list, ofKind.size()))) {
                    out.printf("      %s: %d records, %d images%n", group.key(), group.size(),
                            near.imagesOf(group).size());
                    Map<String, Integer> distances = new java.util.HashMap<>();
                    near.imagesOf(group).forEach(i -> distances.put(i.path(), i.distance()));
                    for (int r : group.records()) {
                        String image = index.firstImage(r);
                        out.printf("          #%d %s  %s (%d bits)%n", r, index.id(r), image,
                                distances.getOrDefault(image, 0));
                    }
                }
                continue;
            }
            for (Group group : ofKind.subList(0, Math.min(list, ofKind.size()))) {
                out.printf("      %s: %s%n", group.key(), Arrays.stream(group.records()).mapToObj(r -> "#" + r)
                        .collect(Collectors.joining(" ")));
            }
        }
    }
}
