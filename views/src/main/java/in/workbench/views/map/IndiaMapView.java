package in.workbench.views.map;

import in.workbench.analytics.geo.IndianState;
import in.workbench.views.shell.TooltipOnHover;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;

/**
 * A choropleth of India's states and union territories: each state is filled on a sequential
 * colour scale by its value, with a legend, a hover tooltip and click selection. Generic: the
 * caller supplies values, the legend title and how to format a value, so the same component
 * shows a flagged-address share, a lift, a damage rate, and so on.
 *
 * <p>States are named by {@link IndianState#displayName()} in every callback; {@link #setValues}
 * also accepts any spelling {@link IndianState#resolve} understands (directory names, codes).
 * States without a value are drawn grey and described as "no data". The shapes come from the
 * bundled {@code india-states.svg} (svg-maps, CC BY 4.0); Dadra/Nagar Haveli and Daman/Diu are
 * two shapes of one state and behave as one.
 *
 * <pre>{@code
 * IndiaMapView map = new IndiaMapView();
 * map.setValues(Map.of("Gujarat", 0.12, "Kerala", 0.03), "flagged addresses", v -> String.format("%.0f %%", 100 * v));
 * map.setDetails(state -> countsByState.get(state) + " addresses");
 * map.setOnStateClicked(state -> addresses.applyFilter(Map.of("state", state)));
 * }</pre>
 *
 * <p>Not thread-safe: a JavaFX node, create and use it on the JavaFX thread.
 */
public final class IndiaMapView extends BorderPane {

    /** The fill of states without a value. */
    public static final Color NO_DATA = Color.web("#d0d7de");

    /** The default sequential scale, light to dark (ColorBrewer YlOrRd, 5 classes). */
    public static final List<Color> YELLOW_ORANGE_RED = List.of(Color.web("#ffffb2"), Color.web("#fecc5c"),
            Color.web("#fd8d3c"), Color.web("#f03b20"), Color.web("#bd0026"));

    /** A sequential blue scale, light to dark (ColorBrewer Blues, 5 classes). */
    public static final List<Color> BLUES = List.of(Color.web("#eff3ff"), Color.web("#bdd7e7"), Color.web("#6baed6"),
            Color.web("#3182bd"), Color.web("#08519c"));

    private static final double SVG_WIDTH = 612;
    private static final double SVG_HEIGHT = 696;
    private static final Color BORDER = Color.web("#57606a");
    private static final Color SELECTED_BORDER = Color.web("#0969da");
    private static final Pattern PATH = Pattern.compile("<path\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)=\"([^\"]*)\"");

    private final Map<IndianState, List<SVGPath>> shapes = new EnumMap<>(IndianState.class);
    /** Each state's tooltip text; its tooltip is made when the pointer first reaches the state. */
    private final Map<IndianState, StringProperty> tooltips = new EnumMap<>(IndianState.class);
    private final Map<IndianState, Double> values = new EnumMap<>(IndianState.class);
    private final Group map = new Group();
    private final Label legendTitle = new Label();
    private final Label legendLow = new Label();
    private final Label legendHigh = new Label();
    private final Rectangle legendBar = new Rectangle(180, 12);
    private List<Color> palette = YELLOW_ORANGE_RED;
    private DoubleFunction<String> format = v -> String.format("%.2f", v);
    private Function<String, String> details = s -> null;
    private Consumer<String> onStateClicked = s -> { };
    private IndianState selected;
    private double low;
    private double high;

    /** Builds the map from the bundled SVG, with every state grey until values are set. */
    public IndiaMapView() {
        getStyleClass().add("india-map");
        for (SvgShape s : readShapes()) {
            IndianState state = IndianState.bySvgId(s.id()).orElse(null);
            if (state == null) {
                continue;
            }
            SVGPath path = new SVGPath();
            path.setContent(s.d());
            path.setId("state-" + s.id());
            path.setStroke(BORDER);
            path.setStrokeWidth(0.6);
            path.setCursor(Cursor.HAND);
            path.setOnMouseEntered(e -> hover(state, true));
            path.setOnMouseExited(e -> hover(state, false));
            path.setOnMouseClicked(e -> {
                setSelectedState(state.displayName());
                onStateClicked.accept(state.displayName());
            });
            shapes.computeIfAbsent(state, k -> new ArrayList<>()).add(path);
            map.getChildren().add(path);
        }
        for (Map.Entry<IndianState, List<SVGPath>> e : shapes.entrySet()) {
            StringProperty text = new SimpleStringProperty("");
            tooltips.put(e.getKey(), text);
            e.getValue().forEach(p -> TooltipOnHover.install(p, () -> {
                Tooltip tip = new Tooltip();
                tip.textProperty().bind(text);
                tip.setShowDelay(Duration.millis(150));
                return tip;
            }));
        }
        setCenter(new MapPane(map));
        setBottom(legend());
        redraw();
    }

    /**
     * A dot on the map at a geographic point.
     *
     * @param label the tooltip's first line
     * @param latitude degrees north
     * @param longitude degrees east
     * @param colour the dot's fill
     */
    public record GeoPoint(String label, double latitude, double longitude, Color colour) {
    }

    private final Group points = new Group();

    /**
     * Draws dots at geographic points over the states. The map's drawing has no coordinates of its
     * own, so the projection (longitude to x, latitude to y, each linear) is fitted by least squares
     * to the states' outlines: {@code stateCentres} gives a state's mean latitude and longitude,
     * matched with the centre of its outline. Replaces the previous dots.
     */
    public void setPoints(List<GeoPoint> geoPoints, Map<String, double[]> stateCentres) {
        double[] sums = new double[10];
        stateCentres.forEach((name, latLon) -> IndianState.resolve(name).ifPresent(state -> {
            List<SVGPath> paths = shapes.get(state);
            if (paths == null || paths.isEmpty()) {
                return;
            }
            javafx.geometry.Bounds b = paths.get(0).getBoundsInParent();
            for (SVGPath path : paths) {
                javafx.geometry.Bounds o = path.getBoundsInParent();
                b = new javafx.geometry.BoundingBox(Math.min(b.getMinX(), o.getMinX()), Math.min(b.getMinY(), o.getMinY()),
                        Math.max(b.getMaxX(), o.getMaxX()) - Math.min(b.getMinX(), o.getMinX()),
                        Math.max(b.getMaxY(), o.getMaxY()) - Math.min(b.getMinY(), o.getMinY()));
            }
            double lon = latLon[1];
            double lat = latLon[0];
            double x = b.getCenterX();
            double y = b.getCenterY();
            sums[0] += 1;
            sums[1] += lon;
            sums[2] += lon * lon;
            sums[3] += x;
            sums[4] += lon * x;
            sums[5] += lat;
            sums[6] += lat * lat;
            sums[7] += y;
            sums[8] += lat * y;
        }));
        points.getChildren().clear();
        if (sums[0] < 3) {
            return;
        }
        double n = sums[0];
        double ax = (n * sums[4] - sums[1] * sums[3]) / (n * sums[2] - sums[1] * sums[1]);
        double bx = (sums[3] - ax * sums[1]) / n;
        double ay = (n * sums[8] - sums[5] * sums[7]) / (n * sums[6] - sums[5] * sums[5]);
        double by = (sums[7] - ay * sums[5]) / n;
        for (GeoPoint g : geoPoints) {
            javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(ax * g.longitude() + bx, ay * g.latitude() + by, 2.6, g.colour());
            dot.setStroke(Color.web("#24292f"));
            dot.setStrokeWidth(0.3);
            dot.getStyleClass().add("map-point");
            TooltipOnHover.install(dot, () -> new Tooltip(g.label()));
            points.getChildren().add(dot);
        }
        if (!map.getChildren().contains(points)) {
            map.getChildren().add(points);
        }
    }

    /** The dots drawn by {@link #setPoints}, in order. */
    public List<javafx.scene.Node> points() {
        return List.copyOf(points.getChildren());
    }

    /**
     * Colours the states by value. States missing from the map (or with a NaN value) are drawn
     * grey as "no data"; names that are not Indian states are ignored.
     *
     * @param valueByState value per state, by any spelling {@link IndianState#resolve} accepts
     * @param legendTitle what the values are ("flagged addresses", "lift")
     * @param format how a value is written in the legend and tooltip
     */
    public void setValues(Map<String, Double> valueByState, String legendTitle, DoubleFunction<String> format) {
        values.clear();
        valueByState.forEach((name, v) -> {
            if (v != null && !v.isNaN()) {
                IndianState.resolve(name).ifPresent(s -> values.put(s, v));
            }
        });
        this.legendTitle.setText(legendTitle == null ? "" : legendTitle);
        this.format = Objects.requireNonNull(format);
        redraw();
    }

    /** Extra text shown in a state's tooltip under its value (null or blank for none). */
    public void setDetails(Function<String, String> details) {
        this.details = Objects.requireNonNull(details);
        redraw();
    }

    /** Called with the state's display name when the analyst clicks a state (after it is selected). */
    public void setOnStateClicked(Consumer<String> handler) {
        this.onStateClicked = Objects.requireNonNull(handler);
    }

    /** Sets the sequential scale's colours, lightest (lowest value) first; at least two. */
    public void setPalette(List<Color> lightToDark) {
        if (lightToDark.size() < 2) {
            throw new IllegalArgumentException("a colour scale needs at least two colours");
        }
        this.palette = List.copyOf(lightToDark);
        redraw();
    }

    /** Outlines one state as selected; null or an unknown name clears the selection. */
    public void setSelectedState(String state) {
        IndianState previous = selected;
        selected = state == null ? null : IndianState.resolve(state).orElse(null);
        if (previous != null) {
            outline(previous, BORDER, 0.6);
        }
        if (selected != null) {
            outline(selected, SELECTED_BORDER, 2.0);
            shapes.get(selected).forEach(SVGPath::toFront);
        }
    }

    /** The selected state's display name, if any. */
    public Optional<String> selectedState() {
        return Optional.ofNullable(selected).map(IndianState::displayName);
    }

    /** The fill a state is drawn with now. */
    public Color colourOf(String state) {
        IndianState s = IndianState.resolve(state).orElseThrow(() -> new IllegalArgumentException("not an Indian state: " + state));
        return (Color) shapes.get(s).get(0).getFill();
    }

    /** The text a state's tooltip shows now: name, formatted value or "no data", and details. */
    public String tooltipText(String state) {
        IndianState s = IndianState.resolve(state).orElseThrow(() -> new IllegalArgumentException("not an Indian state: " + state));
        return tooltips.get(s).get();
    }

    /** The states the map draws, by display name. */
    public List<String> states() {
        return shapes.keySet().stream().map(IndianState::displayName).toList();
    }

    private void redraw() {
        low = values.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        high = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        for (Map.Entry<IndianState, List<SVGPath>> e : shapes.entrySet()) {
            Double v = values.get(e.getKey());
            Color fill = v == null ? NO_DATA : colourFor(v);
            e.getValue().forEach(p -> {
                p.setFill(fill);
                p.setAccessibleText(e.getKey().displayName() + ": " + (v == null ? "no data" : format.apply(v)));
            });
            StringBuilder text = new StringBuilder(e.getKey().displayName()).append('\n')
                    .append(v == null ? "no data" : format.apply(v) + (legendTitle.getText().isEmpty() ? "" : " " + legendTitle.getText()));
            String extra = details.apply(e.getKey().displayName());
            if (extra != null && !extra.isBlank()) {
                text.append('\n').append(extra);
            }
            tooltips.get(e.getKey()).set(text.toString());
        }
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i < palette.size(); i++) {
            stops.add(new Stop(i / (double) (palette.size() - 1), palette.get(i)));
        }
        legendBar.setFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops));
        boolean any = !values.isEmpty();
        legendLow.setText(any ? format.apply(low) : "");
        legendHigh.setText(any ? format.apply(high) : "");
        legendBar.setVisible(any);
    }

    /** Interpolates the palette at the value's position between the lowest and highest value. */
    Color colourFor(double v) {
        double t = high > low ? (v - low) / (high - low) : 1.0;
        t = Math.max(0, Math.min(1, t));
        double pos = t * (palette.size() - 1);
        int i = Math.min((int) Math.floor(pos), palette.size() - 2);
        return palette.get(i).interpolate(palette.get(i + 1), pos - i);
    }

    private void hover(IndianState state, boolean on) {
        if (state == selected) {
            return;
        }
        outline(state, on ? Color.BLACK : BORDER, on ? 1.4 : 0.6);
        if (on) {
            shapes.get(state).forEach(SVGPath::toFront);
            if (selected != null) {
                shapes.get(selected).forEach(SVGPath::toFront);
            }
        }
    }

    private void outline(IndianState state, Color colour, double width) {
        for (SVGPath p : shapes.get(state)) {
            p.setStroke(colour);
            p.setStrokeWidth(width);
        }
    }

    private VBox legend() {
        legendTitle.setId("mapLegendTitle");
        legendTitle.setStyle("-fx-font-weight: bold;");
        legendLow.setId("mapLegendLow");
        legendHigh.setId("mapLegendHigh");
        legendBar.setStroke(BORDER);
        legendBar.setStrokeWidth(0.5);
        Rectangle noData = new Rectangle(12, 12, NO_DATA);
        noData.setStroke(BORDER);
        noData.setStrokeWidth(0.5);
        Region gap = new Region();
        gap.setMinWidth(16);
        HBox scale = new HBox(6, legendLow, legendBar, legendHigh, gap, noData, new Label("no data"));
        scale.setAlignment(Pos.CENTER_LEFT);
        VBox legend = new VBox(4, legendTitle, scale);
        legend.setPadding(new Insets(6, 8, 6, 8));
        legend.setId("mapLegend");
        return legend;
    }

    private record SvgShape(String id, String d) {
    }

    /** The bundled map's shapes, read once per process: four screens draw the map. */
    private static List<SvgShape> readShapes() {
        return Shapes.ALL;
    }

    /** Holds the shapes; read when a map is first built. */
    private static final class Shapes {
        static final List<SvgShape> ALL = parseShapes();
    }

    private static List<SvgShape> parseShapes() {
        String svg;
        try (InputStream in = IndiaMapView.class.getResourceAsStream("india-states.svg")) {
            if (in == null) {
                throw new IllegalStateException("india-states.svg is missing from the application");
            }
            svg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SvgShape> out = new ArrayList<>();
        Matcher path = PATH.matcher(svg);
        while (path.find()) {
            String id = null;
            String d = null;
            Matcher a = ATTRIBUTE.matcher(path.group(1));
            while (a.find()) {
                if (a.group(1).equals("id")) {
                    id = a.group(2);
                } else if (a.group(1).equals("d")) {
                    d = a.group(2);
                }
            }
            if (id != null && d != null) {
                out.add(new SvgShape(id, d));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Scales the map to fit its space, keeping the aspect ratio, centred. */
    private static final class MapPane extends Pane {
        private final Scale scale = new Scale(1, 1, 0, 0);
        private final Translate shift = new Translate();

        MapPane(Group map) {
            map.setManaged(false);
            map.getTransforms().setAll(shift, scale);
            getChildren().add(map);
            setMinSize(120, 140);
            setPrefSize(SVG_WIDTH * 0.8, SVG_HEIGHT * 0.8);
            HBox.setHgrow(this, Priority.ALWAYS);
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth() - snappedLeftInset() - snappedRightInset();
            double h = getHeight() - snappedTopInset() - snappedBottomInset();
            double k = Math.max(0.01, Math.min(w / SVG_WIDTH, h / SVG_HEIGHT));
            scale.setX(k);
            scale.setY(k);
            shift.setX(snappedLeftInset() + (w - SVG_WIDTH * k) / 2);
            shift.setY(snappedTopInset() + (h - SVG_HEIGHT * k) / 2);
        }
    }
}
