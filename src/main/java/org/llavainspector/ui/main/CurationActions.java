package org.llavainspector.ui.main;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import org.llavainspector.core.curation.Mark;
import org.llavainspector.core.dataset.Dataset;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.export.RecordFilter;
import org.llavainspector.ui.curation.CurationViewModel;
import org.llavainspector.ui.curation.EditPathDialog;
import org.llavainspector.ui.curation.ExportDialog;
import org.llavainspector.ui.curation.RewriteDialog;

/** What the main window's curation keys and menus do: marks, tags, notes, path edits, rewrites, export, undo. */
final class CurationActions {
    private final MainViewModel model;
    private final CurationViewModel curation;
    private final Supplier<Window> owner;
    private final Consumer<String> notify;

    CurationActions(MainViewModel model, Supplier<Window> owner, Consumer<String> notify) {
        this.model = model;
        this.curation = model.curation();
        this.owner = owner;
        this.notify = notify;
    }

    void mark(Mark mark) {
        List<Integer> targets = model.targets();
        if (canEdit(targets)) {
            curation.mark(targets, mark);
        }
    }

    void unmark() {
        List<Integer> targets = model.targets();
        if (canEdit(targets)) {
            curation.unmark(targets);
        }
    }

    /**
     * True when there is a session to take marks and edits; otherwise says why, so that a key pressed on a sample is
     * never dropped silently (the session of files just opened is read in the background, in about 50 ms).
     */
    private boolean canEdit(List<Integer> samples) {
        if (curation.session() != null) {
            return true;
        }
        if (!samples.isEmpty()) {
            notify.accept(curation.isAttaching()
                    ? "The curation session of these files is still being read: nothing was changed, press again"
                    : "No curation session for these files (see the message about it): marks and edits are off");
        }
        return false;
    }

    void undo() {
        curation.undo().ifPresentOrElse(label -> notify.accept("undone: " + label), () -> notify.accept("nothing to undo"));
    }

    void redo() {
        curation.redo().ifPresentOrElse(label -> notify.accept("redone: " + label), () -> notify.accept("nothing to redo"));
    }

    void addTag() {
        List<Integer> targets = model.targets();
        if (targets.isEmpty() || !canEdit(targets)) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(owner.get());
        dialog.setTitle("Tag");
        dialog.setHeaderText("Tag for " + describe(targets) + " (a word; query it with tag:NAME)");
        dialog.getEditor().setId("tag-field");
        dialog.showAndWait().ifPresent(tag -> {
            try {
                curation.addTag(targets, tag);
            } catch (IllegalArgumentException e) {
                notify.accept(e.getMessage());
            }
        });
    }

    void note() {
        int g = model.currentSample();
        if (g < 0 || !canEdit(List.of(g))) {
            return;
        }
        String old = curation.stateOf(g).note();
        TextInputDialog dialog = new TextInputDialog(old == null ? "" : old);
        dialog.initOwner(owner.get());
        dialog.setTitle("Note");
        dialog.setHeaderText("Note on " + model.idOf(g) + " (empty removes it)");
        dialog.getEditor().setId("note-field");
        dialog.showAndWait().ifPresent(note -> curation.setNote(g, note));
    }

    void editPath() {
        int g = model.currentSample();
        if (g < 0 || !canEdit(List.of(g))) {
            return;
        }
        EditPathDialog dialog = new EditPathDialog(String.valueOf(model.idOf(g)), curation.imagesOf(g),
                model.context().images(), model.context().background());
        dialog.initOwner(owner.get());
        dialog.showAndWait().ifPresent(paths -> {
            curation.setImage(g, paths);
            model.reloadCurrent();
        });
    }

    void rewrite() {
        if (!canEdit(model.visibleSamples())) {
            return;
        }
        // the rows selected in the list when there are several, else every sample the filter shows
        List<Integer> shown = model.selection().size() > 1 ? List.copyOf(model.selection())
                : List.copyOf(model.visibleSamples());
        RewriteDialog dialog = new RewriteDialog(curation.session(), curation.keysOf(shown),
                model.context().images()::sources, model.context().background());
        dialog.initOwner(owner.get());
        dialog.showAndWait().ifPresent(rewrite -> {
            int changed = curation.rewrite(rewrite, shown);
            notify.accept(rewrite.describe() + ": " + changed + " samples changed (Ctrl+Z undoes it)");
            model.reloadCurrent();
        });
    }

    void export() {
        export(List.copyOf(model.visibleSamples()));
    }

    /** The export dialog with {@code samples} (global numbers) as "the samples shown". */
    void export(List<Integer> samples) {
        if (!canEdit(samples)) {
            return;
        }
        List<DatasetIndex> files = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        for (Dataset d : model.collection().datasets()) {
            files.add(d.index());
            sources.add(d.file());
        }
        Map<DatasetIndex, int[]> shown = shownByFile(samples);
        RecordFilter shownFilter = (index, monitor) -> shown.getOrDefault(index, new int[0]);
        Path first = sources.get(0).toAbsolutePath();
        String name = first.getFileName().toString().replaceFirst("\\.jsonl?$", "");
        Path suggested = exportFolder(first, MainViewModel.demoFolder()).resolve(name + "-export.json");
        ExportDialog dialog = new ExportDialog(new ExportDialog.Context(files, curation.session(), shownFilter,
                samples.size(), model.context().images()::sources, sources,
                model.context().background(), notify), suggested);
        dialog.initOwner(owner.get());
        dialog.show();
    }

    /**
     * Where an export is suggested: beside the first file, unless that is the bundled demo's folder (inside the app,
     * or a cache folder nobody looks in) or a folder that cannot be written: then the user's home.
     */
    static Path exportFolder(Path firstFile, Path demoFolder) {
        Path folder = firstFile.toAbsolutePath().normalize().getParent();
        return MainViewModel.isInside(folder, demoFolder) || !java.nio.file.Files.isWritable(folder)
                ? Path.of(System.getProperty("user.home")) : folder;
    }

    /** The samples to export as record numbers per file (read on the FX thread, used by the export in the background). */
    private Map<DatasetIndex, int[]> shownByFile(List<Integer> samples) {
        Map<DatasetIndex, List<Integer>> lists = new IdentityHashMap<>();
        for (int g : samples) {
            DatasetIndex index = model.collection().datasetOf(g).index();
            lists.computeIfAbsent(index, i -> new ArrayList<>()).add(model.collection().recordOf(g));
        }
        Map<DatasetIndex, int[]> result = new IdentityHashMap<>();
        lists.forEach((index, records) -> result.put(index, records.stream().mapToInt(Integer::intValue).sorted().toArray()));
        return result;
    }

    private String describe(List<Integer> targets) {
        return targets.size() == 1 ? String.valueOf(model.idOf(targets.get(0))) : targets.size() + " samples";
    }
}
