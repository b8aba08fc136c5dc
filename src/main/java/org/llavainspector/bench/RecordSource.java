package org.llavainspector.bench;

/** An endless, deterministic supply of synthetic records of one kind. */
interface RecordSource {
    SyntheticRecord next();
}
