package in.workbench.analytics.segmentation;

/**
 * One part of a segmented address: its label, the exact text it covers, and the tokens it spans.
 *
 * @param label the part
 * @param text the exact substring of the address
 * @param firstToken index of its first token
 * @param lastToken index of its last token (inclusive)
 * @param confidence the model's confidence in the span (0–1; 1 for labels given by a person)
 */
public record Segment(SegmentLabel label, String text, int firstToken, int lastToken, double confidence) {
}
