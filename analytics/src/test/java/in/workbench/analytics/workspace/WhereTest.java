package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WhereTest {

    @Test
    void noConditionMeansNoWhereClauseAndNoArguments() {
        Where where = new Where().andIfGiven("category = ?", null).andIfGiven("kind = ?", "  ").andIf(false, "confidence >= ?", 0.5);
        assertEquals("", where.sql());
        assertEquals(List.of(), where.args());
    }

    @Test
    void joinsTheGivenConditionsWithAndKeepingTheirArgumentsInOrder() {
        Where where = new Where().andIfGiven("kind = ?", "conflict").andIfGiven("category = ?", "")
                .andIf(true, "(current_package IS NULL OR current_package <> recommended_package)")
                .and("(LOWER(title) LIKE ? OR LOWER(product_id) LIKE ?)", "%mug%", "%mug%").andIf(true, "confidence >= ?", 0.8);
        assertEquals(" WHERE kind = ? AND (current_package IS NULL OR current_package <> recommended_package)"
                + " AND (LOWER(title) LIKE ? OR LOWER(product_id) LIKE ?) AND confidence >= ?", where.sql());
        assertEquals(List.of("conflict", "%mug%", "%mug%", 0.8), where.args());
    }

    @Test
    void argumentsCannotBeChangedFromOutside() {
        Where where = new Where().and("category = ?", "Kitchen");
        assertThrows(UnsupportedOperationException.class, () -> where.args().add("Garden"));
    }
}
