package org.llavainspector.bench;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * A Jackson pretty printer whose output matches Python's {@code json.dump(obj, f, indent=2)}: two-space indent,
 * {@code "key": value}, a line break after every comma and {@code []}/{@code {}} for empty containers.
 */
final class PythonJsonLayout {
    private PythonJsonLayout() {
    }

    static DefaultPrettyPrinter prettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }
}
