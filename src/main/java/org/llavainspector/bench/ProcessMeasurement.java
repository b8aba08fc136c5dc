package org.llavainspector.bench;

/**
 * Wall time and peak resident memory of one whole process run; {@code peakRssKb} is -1 when it could not be observed.
 * {@code stderr} holds the start of what the process wrote to stderr (kept to explain a failure).
 */
public record ProcessMeasurement(double wallSeconds, long peakRssKb, int exitCode, String stderr) {
}
