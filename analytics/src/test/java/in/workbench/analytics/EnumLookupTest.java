package in.workbench.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.packaging.PackagingObjective;
import in.workbench.analytics.workspace.DataTable;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnumLookupTest {

    @Test
    void findsTheConstantByTheWordTheAnalystWrites() {
        assertEquals(Optional.of(DataTable.PACKAGE_TYPES), EnumLookup.find(DataTable.class, DataTable::importType, "package-types"));
        assertEquals(Optional.of(DataTable.SESSIONS), EnumLookup.find(DataTable.class, DataTable::sqlName, "sessions"));
    }

    @Test
    void anUnknownOrMissingWordFindsNothingEvenWhereSomeConstantsHaveNoWord() {
        assertTrue(EnumLookup.find(DataTable.class, DataTable::importType, "rejected").isEmpty());
        assertTrue(EnumLookup.find(DataTable.class, DataTable::importType, null).isEmpty(),
                "a null word never matches the tables the workbench fills itself (import type null)");
    }

    @Test
    void listsTheWordsInDeclarationOrderLeavingOutConstantsWithout() {
        assertEquals("catalog, addresses, shipments, package-types, labels, sessions, people, contacts, tests",
                EnumLookup.words(DataTable.class, DataTable::importType));
        assertEquals("least-damage-at-current-cost, least-cost-at-current-damage, least-cost-at-damage-budget, lambda",
                EnumLookup.words(PackagingObjective.class, PackagingObjective::id));
    }
}
