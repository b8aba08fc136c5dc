package org.llavainspector.core.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether two paths name the same file, through symbolic links and relative forms, even if they do not exist yet. */
public final class PathIdentity {
    private PathIdentity() {
    }

    /** True when {@code a} and {@code b} are (or would be, once created) the same file. */
    public static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall through to comparing the resolved names
        }
        return canonical(a).equals(canonical(b));
    }

    /** The path with its deepest existing ancestor resolved to its real path, the rest appended as written. */
    public static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
