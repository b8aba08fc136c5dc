package org.llavainspector.cli;

import org.llavainspector.bench.DatasetKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a dataset kind name ({@code instruct}, {@code chat}, {@code mix}, {@code pretrain}) from the command line. */
final class DatasetKindConverter implements ITypeConverter<DatasetKind> {
    @Override
    public DatasetKind convert(String value) {
        try {
            return DatasetKind.fromName(value);
        } catch (IllegalArgumentException ex) {
            throw new TypeConversionException(ex.getMessage());
        }
    }
}
