package org.therapysim.output;

/**
 * A published value drawn on a chart beside the simulated curve.
 *
 * @param x the x position (e.g. a session number)
 * @param value the published value, as a fraction
 * @param low lower end of its band
 * @param high upper end of its band
 * @param label the source, for the legend
 */
public record PublishedPoint(double x, double value, double low, double high, String label) {
}
