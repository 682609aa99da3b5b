package in.workbench.views.map;

import in.workbench.views.Screenshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.shape.SVGPath;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class IndiaMapViewTest {

    private IndiaMapView map;

    @Start
    void start(Stage stage) {
        map = new IndiaMapView();
        stage.setScene(new Scene(map, 520, 640));
        stage.show();
    }

    @Test
    void drawsEveryStateOfTheEnumAndGreysStatesWithoutData(FxRobot robot) {
        robot.interact(() -> map.setValues(Map.of("Gujarat", 0.30, "Kerala", 0.05, "KA", 0.10), "flagged",
                v -> String.format("%.0f %%", 100 * v)));
        assertEquals(in.workbench.analytics.geo.IndianState.values().length, map.states().size());
        assertEquals(IndiaMapView.NO_DATA, map.colourOf("Bihar"));
        assertTrue(map.tooltipText("Bihar").contains("no data"), map.tooltipText("Bihar"));
        assertTrue(map.colourOf("Gujarat").getBrightness() < map.colourOf("Kerala").getBrightness(),
                "the higher value is drawn darker");
        assertTrue(map.tooltipText("Karnataka").contains("10 % flagged"), "a state code resolves: " + map.tooltipText("Karnataka"));
        assertEquals("5 %", robot.lookup("#mapLegendLow").queryAs(Label.class).getText());
        assertEquals("30 %", robot.lookup("#mapLegendHigh").queryAs(Label.class).getText());
    }

    @Test
    void tooltipCarriesTheDetailsAndAClickSelectsAndReportsTheState(FxRobot robot) throws Exception {
        List<String> clicked = new ArrayList<>();
        robot.interact(() -> {
            map.setValues(Map.of("Rajasthan", 0.2, "Madhya Pradesh", 0.1, "Dadra and Nagar Haveli and Daman and Diu", 0.4),
                    "flagged", v -> String.format("%.0f %%", 100 * v));
            map.setDetails(s -> s.equals("Rajasthan") ? "1,204 addresses" : null);
            map.setOnStateClicked(clicked::add);
        });
        assertTrue(map.tooltipText("Rajasthan").endsWith("1,204 addresses"), map.tooltipText("Rajasthan"));
        assertEquals(map.colourOf("dnh"), ((SVGPath) robot.lookup("#state-dd").query()).getFill(),
                "both shapes of one state share its colour");
        javafx.scene.Node rajasthan = robot.lookup("#state-rj").query();
        assertNull(installedTooltip(rajasthan), "a state's tooltip is made when the pointer first reaches it, not with the map");
        robot.moveTo(rajasthan);
        assertEquals(map.tooltipText("Rajasthan"), installedTooltip(rajasthan).getText());
        robot.interact(() -> map.setDetails(s -> s.equals("Rajasthan") ? "1,300 addresses" : null));
        assertTrue(installedTooltip(rajasthan).getText().endsWith("1,300 addresses"), "a tooltip made follows later values");
        robot.clickOn(rajasthan);
        assertEquals(List.of("Rajasthan"), clicked);
        assertEquals("Rajasthan", map.selectedState().orElseThrow());
        screenshot(robot);
    }

    /** The tooltip JavaFX has installed on {@code node} (Tooltip.install keeps it in the node's properties), or null. */
    private static javafx.scene.control.Tooltip installedTooltip(javafx.scene.Node node) {
        return (javafx.scene.control.Tooltip) node.getProperties().get("javafx.scene.control.Tooltip");
    }

    private void screenshot(FxRobot robot) throws Exception {
        Screenshots.write(robot, map, "india-map");
    }
}
