package org.llavainspector.core.dataset;

/** Receives each record of a streaming pass, in file order, on the scanning thread. */
@FunctionalInterface
public interface RecordVisitor {
    /** Called once per record; {@code record} is reused afterwards, so copy what you keep. */
    void visit(RecordSummary record);

    /** Called once after the last record of a file that was read to its end. */
    default void finish(DatasetFormat format, int records) {
    }

    /** This visitor, then a callback for the end of the pass (e.g. to keep the record count). */
    default RecordVisitor andThen(FinishListener listener) {
        RecordVisitor self = this;
        return new RecordVisitor() {
            @Override
            public void visit(RecordSummary record) {
                self.visit(record);
            }

            @Override
            public void finish(DatasetFormat format, int records) {
                self.finish(format, records);
                listener.finished(format, records);
            }
        };
    }

    /** Told when a pass read a file to its end. */
    @FunctionalInterface
    interface FinishListener {
        void finished(DatasetFormat format, int records);
    }

    /** A visitor that forwards to several visitors in turn (one pass, many consumers). */
    static RecordVisitor all(RecordVisitor... visitors) {
        return new RecordVisitor() {
            @Override
            public void visit(RecordSummary record) {
                for (RecordVisitor v : visitors) {
                    v.visit(record);
                }
            }

            @Override
            public void finish(DatasetFormat format, int records) {
                for (RecordVisitor v : visitors) {
                    v.finish(format, records);
                }
            }
        };
    }
}
