package org.llavainspector.core.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llavainspector.core.compare.DuplicateGroups.Group;
import org.llavainspector.core.compare.DuplicateGroups.Kind;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.image.DifferenceHash;
import org.llavainspector.core.image.ImageLoader;
import org.llavainspector.core.image.ImageStatus;
import org.llavainspector.core.util.TaskMonitor;

/**
 * Records of one dataset whose first images look alike: each distinct first image is hashed once
 * ({@link ImageHashes}), and images whose hashes are at most a given number of bits apart are grouped
 * ({@link NearHashGroups}). A group holds at least two distinct images (records sharing one image path are
 * {@link Kind#IMAGE} groups already) and every record whose first image is one of them.
 */
public final class NearDuplicates {
    /**
     * The default largest distance between the hashes of two near-duplicate images. Copies of the demo photos
     * rescaled to 30–170 % and re-encoded at JPEG quality 0.4–0.9 stay within 5 bits, while the 14 distinct demo photos
     * are at least 12 apart. Two independent uniform hashes come within 6 bits with probability 4.5·10^-12, about one
     * chance pair among the 1.8·10^11 pairs of 600,000 images (real hashes are less uniform: expect a few more).
     */
    public static final int DEFAULT_DISTANCE = 6;

    /**
     * The near-duplicate groups and what the pass saw.
     *
     * @param groups  {@link Kind#NEAR_IMAGE} groups, largest first (then by first record), keyed by their first image
     * @param images  for each group, its distinct images (by first record) and each one's distance to the first
     * @param hashes  the hashes of every distinct first image of the dataset
     */
    public record Result(List<Group> groups, Map<Group, List<ImageDistance>> images, ImageHashes.Result hashes) {
        /** The distinct images of a group, with their distance to the group's first image. */
        public List<ImageDistance> imagesOf(Group group) {
            return images.getOrDefault(group, List.of());
        }
    }

    /** One image of a group and its hash's distance (in bits) to the group's first image. */
    public record ImageDistance(String path, int distance) {
    }

    private NearDuplicates() {
    }

    /**
     * Finds the near-duplicate groups of a complete index.
     *
     * @param cache       stored hashes (used and filled; the caller saves it), or null
     * @param maxDistance 0 to {@link NearHashGroups#MAX_DISTANCE}; 0 groups byte-identical (or pixel-identical) images
     */
    public static Result find(DatasetIndex index, ImageLoader loader, ImageHashCache cache, int maxDistance,
            int threads, TaskMonitor monitor) {
        Map<String, IntList> recordsByImage = new LinkedHashMap<>();
        for (int r = 0, size = index.size(); r < size; r++) {
            String image = index.firstImage(r);
            if (image != null && !image.isBlank()) {
                recordsByImage.computeIfAbsent(image, k -> new IntList()).add(r);
            }
        }
        List<String> paths = new ArrayList<>(recordsByImage.keySet());
        ImageHashes.Result hashes = ImageHashes.compute(paths, loader, cache, threads, monitor);

        int hashed = hashes.hashedCount();
        int[] imageOf = new int[hashed];
        long[] values = new long[hashed];
        for (int i = 0, k = 0; i < paths.size(); i++) {
            if (hashes.hashed(i)) {
                imageOf[k] = i;
                values[k++] = hashes.hashes()[i];
            }
        }
        List<Group> groups = new ArrayList<>();
        Map<Group, List<ImageDistance>> images = new LinkedHashMap<>();
        for (int[] members : NearHashGroups.find(values, maxDistance, monitor)) {
            // the group's images (indices into paths), by their first record
            Integer[] group = new Integer[members.length];
            for (int m = 0; m < members.length; m++) {
                group[m] = imageOf[members[m]];
            }
            Arrays.sort(group, Comparator.comparingInt(i -> recordsByImage.get(paths.get(i)).get(0)));
            IntList records = new IntList();
            List<ImageDistance> distances = new ArrayList<>(group.length);
            long first = hashes.hashes()[group[0]];
            for (int i : group) {
                IntList of = recordsByImage.get(paths.get(i));
                for (int j = 0; j < of.size(); j++) {
                    records.add(of.get(j));
                }
                distances.add(new ImageDistance(paths.get(i), DifferenceHash.distance(first, hashes.hashes()[i])));
            }
            int[] sorted = records.toArray();
            Arrays.sort(sorted);
            Group g = new Group(Kind.NEAR_IMAGE, paths.get(group[0]), sorted);
            groups.add(g);
            images.put(g, List.copyOf(distances));
        }
        groups.sort(Comparator.comparingInt(Group::size).reversed().thenComparingInt(g -> g.records()[0]));
        return new Result(List.copyOf(groups), images, hashes);
    }

    /** "2 missing, 1 corrupt" for the images left unhashed, or "" when none. */
    public static String describeProblems(ImageHashes.Result hashes) {
        StringBuilder sb = new StringBuilder();
        hashes.problems().forEach((status, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ')
                .append(label(status)));
        return sb.toString();
    }

    private static String label(ImageStatus status) {
        return status.kind().replace("-image", "");
    }
}
