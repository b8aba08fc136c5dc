package org.llavainspector.ui.shortcuts;

/** The keyboard shortcuts of the main window, in one place for the key handler, the overlay and README. */
public enum Shortcut {
    NEXT("J / →", "next sample"),
    PREVIOUS("K / ←", "previous sample"),
    ROW("↓ / ↑", "in the grid: the sample a row below / above; in the list: the next / previous sample"),
    PAGE("Page Down / Page Up", "a screen of samples on / back"),
    FIRST_LAST("Home / End", "first / last sample"),
    SEARCH("Ctrl+F or /", "focus the filter"),
    CLEAR("Esc", "leave the filter / close the shortcut list or the notification bar"),
    JUMP("Ctrl+G", "jump to a sample number or id"),
    TOGGLE_VIEW("Ctrl+L", "toggle grid / list"),
    CHOOSE_ALL("Ctrl+A", "in the list: choose every sample shown"),
    CHOOSE_RANGE("Shift+click / Shift+↑ ↓ / Shift+Home / End", "in the list: choose the samples from the current one to there (also Shift+Page Up / Down)"),
    RANDOM("R", "random sample"),
    KEEP("Y / N / F", "mark keep / reject / flag (again: unmark); several rows selected in the list: all of them"),
    UNMARK("U", "clear the mark"),
    TAG("T", "add a tag"),
    NOTE("O", "write a note"),
    EDIT_PATH("E", "edit the image path (with completion and a check)"),
    REWRITE("Ctrl+R", "rewrite the image paths of the samples shown (or of the rows selected in the list)"),
    UNDO("Ctrl+Z / Ctrl+Shift+Z", "undo / redo (also Ctrl+Y)"),
    EXPORT("Ctrl+E", "export the samples shown, the kept ones, ..."),
    EXPORT_CARD("Ctrl+Shift+E", "export the current sample as a 1920×1080 PNG card for slides"),
    PRESENT("P", "presentation mode (full screen, large type): ← → or K J, R, Esc to leave"),
    THEME("Ctrl+D", "light / dark theme"),
    FULL_SCREEN("F11", "full screen"),
    OPEN("Ctrl+O", "open dataset files"),
    HELP("?", "this list of shortcuts");

    private final String keys;
    private final String action;

    Shortcut(String keys, String action) {
        this.keys = keys;
        this.action = action;
    }

    public String keys() {
        return keys;
    }

    public String action() {
        return action;
    }
}
