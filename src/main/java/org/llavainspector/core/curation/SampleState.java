package org.llavainspector.core.curation;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a session says about one sample; immutable, every component optional.
 *
 * @param id the record's id when the sample was first touched (checked against a changed source), or null
 * @param image the edited {@code image} paths, or null when the image is not edited; an empty list removes the field
 * @param mark keep / reject / flag, or null
 * @param tags free tags (lower-case, see {@link Tags}), sorted, without duplicates (never null)
 * @param note a free note, or null
 */
public record SampleState(String id, List<String> image, Mark mark, List<String> tags, String note) {
    /** Nothing said about the sample. */
    public static final SampleState EMPTY = new SampleState(null, null, null, List.of(), null);

    public SampleState {
        image = image == null ? null : List.copyOf(image);
        tags = tags == null || tags.isEmpty() ? List.of() : List.copyOf(new TreeSet<>(tags));
        note = note == null || note.isBlank() ? null : note;
    }

    /** True when the sample has nothing but maybe its id: such a state is not stored. */
    public boolean isEmpty() {
        return image == null && mark == null && tags.isEmpty() && note == null;
    }

    public boolean isEdited() {
        return image != null;
    }

    public SampleState withId(String newId) {
        return Objects.equals(id, newId) ? this : new SampleState(newId, image, mark, tags, note);
    }

    public SampleState withImage(List<String> newImage) {
        return new SampleState(id, newImage, mark, tags, note);
    }

    public SampleState withMark(Mark newMark) {
        return new SampleState(id, image, newMark, tags, note);
    }

    public SampleState withTags(List<String> newTags) {
        return new SampleState(id, image, mark, newTags, note);
    }

    public SampleState withNote(String newNote) {
        return new SampleState(id, image, mark, tags, newNote);
    }

    /** True when the sample carries {@code tag} (a normalised, lower-case tag). */
    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }
}
