package org.llavainspector.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.llavainspector.core.dataset.DatasetException;
import org.llavainspector.core.image.ImageDecoder;
import org.llavainspector.core.image.ImageHealthChecker;
import org.llavainspector.core.image.ImageInventory;
import org.llavainspector.core.image.ImageLoader;
import org.llavainspector.core.image.ImageSource;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.image.ImageStatus;
import org.llavainspector.core.image.ZipImageSource;
import org.llavainspector.core.util.TaskMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code images SRC}: what a zip or folder of images holds. */
@Command(name = "images", mixinStandardHelpOptions = true,
        description = {"Summarise an image source (a zip archive or a folder): files, bytes, extensions, top-level "
                + "folders and, with --deep, the formats the bytes really are."})
public final class ImagesCommand implements Callable<Integer> {
    private static final int SHOWN_FOLDERS = 20;

    @Parameters(index = "0", paramLabel = "SRC", description = "a zip archive (ZIP64 too) or a folder of images")
    Path source;

    @Option(names = "--deep", description = "also read the first bytes of every file to find its real format")
    boolean deep;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, DatasetException {
        PrintWriter out = spec.commandLine().getOut();
        try (ImageSource src = open(source)) {
            ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), "reading file heads", deep && !json);
            ImageInventory inventory;
            try {
                inventory = ImageInventory.of(src, deep, progress);
            } finally {
                progress.clear();
            }
            if (json) {
                printJson(out, src, inventory);
            } else {
                printText(out, src, inventory);
            }
        }
        return 0;
    }

    private static ImageSource open(Path path) {
        try {
            return ImageSources.openSource(path);
        } catch (IOException e) {
            String m = e.getMessage();
            throw new CliException(m != null && m.startsWith(path.toString()) ? m : path + ": " + m);
        }
    }

    private static String kindOf(ImageSource src) {
        return src instanceof ZipImageSource ? "zip" : "folder";
    }

    private void printText(PrintWriter out, ImageSource src, ImageInventory inv) {
        out.printf(Locale.ROOT, "%s (%s)%n", source, kindOf(src));
        out.printf(Locale.ROOT, "  files          %s%n", fmt(inv.entries()));
        out.printf(Locale.ROOT, "  total bytes    %s (%s)%n", fmt(inv.totalBytes()), human(inv.totalBytes()));
        out.printf(Locale.ROOT, "  empty files    %s%n", fmt(inv.emptyFiles()));
        out.printf(Locale.ROOT, "  by extension   %s%n", joinCounts(inv.byExtension(), Integer.MAX_VALUE));
        if (inv.byContent() != null) {
            StringJoiner content = new StringJoiner(", ");
            inv.byContent().forEach((format, n) -> content.add(format.displayName() + " " + fmt(n)));
            out.printf(Locale.ROOT, "  by content     %s%n", content.length() == 0 ? "-" : content);
            out.printf(Locale.ROOT, "  misnamed       %s (bytes of another image format than the extension says)%n",
                    fmt(inv.misnamed()));
        }
        out.printf(Locale.ROOT, "  folders        %s%n", joinCounts(inv.byFolder(), SHOWN_FOLDERS));
    }

    private void printJson(PrintWriter out, ImageSource src, ImageInventory inv) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("source", source.toString());
        root.put("type", kindOf(src));
        root.put("files", inv.entries());
        root.put("totalBytes", inv.totalBytes());
        root.put("emptyFiles", inv.emptyFiles());
        ObjectNode ext = root.putObject("byExtension");
        inv.byExtension().forEach(ext::put);
        if (inv.byContent() != null) {
            ObjectNode content = root.putObject("byContent");
            inv.byContent().forEach((format, n) -> content.put(format.displayName(), n));
            root.put("misnamed", inv.misnamed());
        }
        ObjectNode folders = root.putObject("folders");
        inv.byFolder().forEach(folders::put);
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static String joinCounts(Map<String, Long> counts, int limit) {
        StringJoiner j = new StringJoiner(", ");
        int shown = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (shown++ == limit) {
                j.add("... " + (counts.size() - limit) + " more");
                break;
            }
            j.add(e.getKey() + " " + fmt(e.getValue()));
        }
        return counts.isEmpty() ? "-" : j.toString();
    }

    /** The image sources of the {@code --images} and {@code --map} options; one line naming the source if one fails. */
    static ImageSources openSources(List<Path> plain, List<String> rules) {
        try {
            return ImageSources.open(plain, rules);
        } catch (IOException e) {
            throw new CliException(e.getMessage());
        }
    }

    static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String units = "KMGTP";
        int u = (int) (Math.log(bytes) / Math.log(1024)) - 1;
        u = Math.min(u, units.length() - 1);
        return String.format(Locale.ROOT, "%.1f %siB", bytes / Math.pow(1024, u + 1), units.charAt(u));
    }
}
