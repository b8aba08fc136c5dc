package org.llavainspector.cli;

/** A user-facing command-line failure: its message is printed as one line and the process exits with 2. */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }
}
