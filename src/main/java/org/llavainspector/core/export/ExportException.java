package org.llavainspector.core.export;

import java.io.IOException;

/** An export refused before anything was written (it would overwrite a source, a folder is missing, ...). */
public final class ExportException extends IOException {
    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }
}
