package org.llavainspector.core.compare;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.llavainspector.core.curation.SessionStore;
import org.llavainspector.core.image.DifferenceHash;
import org.llavainspector.core.image.FolderImageSource;
import org.llavainspector.core.image.ImageSource;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.image.ImageStatus;
import org.llavainspector.core.image.ZipImageSource;
import org.llavainspector.core.util.AtomicFile;

/**
 * Perceptual hashes computed before, kept in a small file beside the session sidecar so that a second run decodes
 * nothing. An entry is keyed by the image's source and its path inside it, and holds the size (and, in a folder, the
 * modification time) the file had: a zip that was rewritten (its size or time changed) or a replaced file is hashed
 * again. Images that could not be decoded are kept too, with their status, so they are not decoded again either.
 *
 * <p>Thread-safe for lookups and additions; {@link #save} writes atomically (gzip'd binary, a few dozen bytes per
 * image).
 */
public final class ImageHashCache {
    /** The end of the cache file's name, beside the session's {@link SessionStore#SUFFIX}. */
    public static final String SUFFIX = ".llava-hashes.bin";
    private static final int MAGIC = 0x4C4C4948; // "LLIH"
    private static final int FORMAT = 1;

    /** Where an image's bytes are, as of now: comparable with what was stored. */
    public record Key(String source, String path, long size, long modified) {
    }

    /** What is stored of one image: the decode's status and, when it decoded, its hash. */
    public record Entry(ImageStatus status, long hash) {
    }

    private record Stored(long size, long modified, Entry entry) {
    }

    /** An image's place: its source's identity and its path inside it. */
    private record Slot(String source, String path) {
    }

    private final Map<Slot, Stored> entries = new ConcurrentHashMap<>();
    private final Map<ImageSource, String> sourceIds = new ConcurrentHashMap<>();
    private volatile boolean changed;

    /** An empty cache (nothing stored yet). */
    public ImageHashCache() {
    }

    /** The cache file that goes with a session sidecar ({@code demo.json.llava-session.json} → {@code demo.json.llava-hashes.bin}). */
    public static Path besideSession(Path sidecar) {
        String name = sidecar.getFileName().toString();
        String base = name.endsWith(SessionStore.SUFFIX) ? name.substring(0, name.length() - SessionStore.SUFFIX.length())
                : name;
        return sidecar.resolveSibling(base + SUFFIX);
    }

    /**
     * Reads a cache file; a missing one gives an empty cache, and so does one of another format or hash version (it
     * will be overwritten).
     *
     * @throws IOException with a one-line message naming the file when it exists but is damaged or unreadable
     */
    public static ImageHashCache load(Path file) throws IOException {
        ImageHashCache cache = new ImageHashCache();
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16)))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + ": not a hash cache of LLaVA Inspector");
            }
            if (in.readInt() != FORMAT || in.readInt() != DifferenceHash.VERSION) {
                return cache;
            }
            int sourceCount = in.readInt();
            List<String> sources = new ArrayList<>(sourceCount);
            for (int i = 0; i < sourceCount; i++) {
                sources.add(in.readUTF());
            }
            int count = in.readInt();
            ImageStatus[] statuses = ImageStatus.values();
            for (int i = 0; i < count; i++) {
                int source = in.readInt();
                String path = in.readUTF();
                long size = in.readLong();
                long modified = in.readLong();
                int status = in.readUnsignedByte();
                long hash = in.readLong();
                if (source >= sources.size() || status >= statuses.length) {
                    throw new IOException(file + ": damaged hash cache (entry " + i + ")");
                }
                cache.entries.put(new Slot(sources.get(source), path),
                        new Stored(size, modified, new Entry(statuses[status], hash)));
            }
        } catch (NoSuchFileException e) {
            return cache;
        } catch (EOFException | ZipException e) {
            throw new IOException(file + ": damaged hash cache (" + e.getMessage() + ")", e);
        }
        return cache;
    }

    /**
     * Where the bytes of a dataset image are now, or empty when no source holds it (or its source cannot be
     * identified, e.g. not a zip or folder: such images are never cached).
     */
    public Optional<Key> keyOf(ImageSources sources, String datasetPath) {
        Optional<ImageSources.Resolved> found = sources.resolve(datasetPath);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ImageSource source = found.get().source();
        String inner = found.get().path();
        String id = sourceIds.computeIfAbsent(source, ImageHashCache::identify);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (source instanceof FolderImageSource folder) {
                BasicFileAttributes a = Files.readAttributes(folder.root().resolve(inner), BasicFileAttributes.class);
                return Optional.of(new Key(id, inner, a.size(), a.lastModifiedTime().toMillis()));
            }
            long size = source.size(inner);
            return size < 0 ? Optional.empty() : Optional.of(new Key(id, inner, size, 0));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A source as a string that changes when it does: a zip by its absolute path, size and modification time (entries
     * are then told apart by size); a folder by its path (its files by size and time). Empty for other sources.
     */
    private static String identify(ImageSource source) {
        try {
            if (source instanceof ZipImageSource zip) {
                Path file = zip.file().toAbsolutePath().normalize();
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return "zip:" + file + "|" + a.size() + "|" + a.lastModifiedTime().toMillis();
            }
            if (source instanceof FolderImageSource folder) {
                return "dir:" + folder.root().toAbsolutePath().normalize();
            }
        } catch (IOException e) {
            // an unidentifiable source is simply not cached
        }
        return "";
    }

    /** The stored result for the image as it is now, if there is one. */
    public Optional<Entry> get(Key key) {
        Stored s = entries.get(new Slot(key.source(), key.path()));
        return s != null && s.size() == key.size() && s.modified() == key.modified()
                ? Optional.of(s.entry()) : Optional.empty();
    }

    /** Stores the result of hashing (or failing to decode) the image at {@code key}. */
    public void put(Key key, Entry entry) {
        entries.put(new Slot(key.source(), key.path()), new Stored(key.size(), key.modified(), entry));
        changed = true;
    }

    /** How many images are stored. */
    public int size() {
        return entries.size();
    }

    /** True when something was added since the cache was read or last saved. */
    public boolean isChanged() {
        return changed;
    }

    /** Writes the cache atomically (the folder is created when missing); returns the bytes written. */
    public long save(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Map<Slot, Stored> snapshot = new HashMap<>(entries);
        List<String> sources = new ArrayList<>();
        Map<String, Integer> sourceIndex = new HashMap<>();
        long bytes = AtomicFile.write(file, out -> {
            GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
            DataOutputStream data = new DataOutputStream(gz);
            for (Slot slot : snapshot.keySet()) {
                sourceIndex.computeIfAbsent(slot.source(), s -> {
                    sources.add(s);
                    return sources.size() - 1;
                });
            }
            data.writeInt(MAGIC);
            data.writeInt(FORMAT);
            data.writeInt(DifferenceHash.VERSION);
            data.writeInt(sources.size());
            for (String s : sources) {
                data.writeUTF(s);
            }
            data.writeInt(snapshot.size());
            for (Map.Entry<Slot, Stored> e : snapshot.entrySet()) {
                Stored s = e.getValue();
                data.writeInt(sourceIndex.get(e.getKey().source()));
                data.writeUTF(e.getKey().path());
                data.writeLong(s.size());
                data.writeLong(s.modified());
                data.writeByte(s.entry().status().ordinal());
                data.writeLong(s.entry().hash());
            }
            data.flush();
            gz.finish();
        });
        changed = false;
        return bytes;
    }
}
