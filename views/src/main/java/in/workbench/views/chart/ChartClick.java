package in.workbench.views.chart;

/**
 * What the analyst clicked in a chart: the series (row key) and category (column key) of a bar,
 * the series and x value of a point, or the section of a pie ({@code series} is then null).
 */
public record ChartClick(String series, String category) {
}
