package org.llavainspector.core.util;

import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/** A zip entry stored as is (not recompressed), with the size and CRC a stored entry must declare up front. */
public final class StoredZipEntry {
    private StoredZipEntry() {
    }

    /** The entry for {@code data} under {@code name}, dated {@code time}. */
    public static ZipEntry of(String name, byte[] data, LocalDateTime time) {
        CRC32 crc = new CRC32();
        crc.update(data);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(time);
        return entry;
    }
}
