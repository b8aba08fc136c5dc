package org.llavainspector.core.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Real and deliberately broken images for the tests, and zips built from them. */
public final class TestImages {
    private TestImages() {
    }

    /** A real photo from src/test/resources/images (see the README there). */
    static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] ironingJpeg() {
        return resource("extreme_ironing.jpg");
    }

    static byte[] dogJpeg() {
        return resource("000000319154.jpg");
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ironing photo re-encoded as {@code format} ("gif", "png", "bmp"). */
    static byte[] reencoded(String format) {
        BufferedImage src = decode(ironingJpeg());
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(src, 0, 0, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(rgb, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A plain grey PNG of the given size. */
    static byte[] png(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.getGraphics().fillRect(0, 0, width / 2, height / 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The first part of the ironing JPEG only: a download cut short. */
    static byte[] truncatedJpeg() {
        byte[] jpeg = ironingJpeg();
        return Arrays.copyOf(jpeg, jpeg.length / 2);
    }

    static byte[] garbage() {
        return "<html><body>404 Not Found</body></html>\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** A RIFF/WEBP header: the JDK has no WebP decoder. */
    static byte[] webpHeader() {
        byte[] b = new byte[40];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
        System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 8);
        return b;
    }

    /**
     * A black PNG whose IHDR announces {@code width x height} pixels and whose image data holds at most 4096 bytes
     * of scanlines: a valid image when small, the shape of a decompression bomb (or a truncated file) when not.
     */
    static byte[] pngWithHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        java.util.zip.Deflater d = new java.util.zip.Deflater();
        d.setInput(new byte[(int) Math.min(4096, (long) height * (3L * width + 1))]);
        d.finish();
        byte[] buf = new byte[8192];
        int n = d.deflate(buf);
        chunk(out, "IDAT", Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** Writes a zip of {@code entries} (name to bytes; a name ending in / is a directory), stored or deflated. */
    public static Path zip(Path file, Map<String, byte[]> entries, boolean stored) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                byte[] data = e.getValue();
                if (stored) {
                    ze.setMethod(ZipEntry.STORED);
                    ze.setSize(data.length);
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    ze.setCrc(crc.getValue());
                }
                zip.putNextEntry(ze);
                zip.write(data);
                zip.closeEntry();
            }
        }
        return file;
    }

    /** The zip used across tests: root files, sub-folders and one of each kind of damage. */
    public static Map<String, byte[]> mixedEntries() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("GCC_train_000000001.jpg", ironingJpeg());
        m.put("GCC_train_000000002.jpg", dogJpeg());
        m.put("00000/", new byte[0]);
        m.put("00000/000000001.jpg", ironingJpeg());
        m.put("00001/000010001.png", reencoded("png"));
        m.put("ocr_vqa/images/gif_named.jpg", reencoded("gif"));
        m.put("empty.jpg", new byte[0]);
        m.put("truncated.jpg", truncatedJpeg());
        m.put("garbage.jpg", garbage());
        m.put("bomb.png", pngWithHeader(50_000, 50_000));
        m.put("picture.webp", webpHeader());
        return m;
    }
}
