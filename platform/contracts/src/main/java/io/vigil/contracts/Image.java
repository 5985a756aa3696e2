package io.vigil.contracts;

/**
 * An image a source attached to an alert (PagerDuty {@code images}): typically a graph of the metric.
 *
 * @param src  the image's URL
 * @param href where clicking the image leads, or {@code null}
 * @param alt  text describing the image, or {@code null}
 */
public record Image(String src, String href, String alt) {
}
