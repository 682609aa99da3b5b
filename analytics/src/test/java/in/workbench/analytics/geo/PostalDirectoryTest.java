package in.workbench.analytics.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostalDirectoryTest {

    private static PostalDirectory directory;

    @BeforeAll
    static void load() {
        directory = PostalDirectory.load();
    }

    @Test
    void loadsEveryPlaceOfTheBundledDirectory() {
        assertEquals(155_558, directory.places().size());
    }

    @Test
    void everyStateOfTheDirectoryResolvesAndEveryStateHasPlaces() {
        Set<IndianState> seen = directory.places().stream().map(Place::state).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(IndianState.class), seen);
    }

    @Test
    void findsTheOfficesOfABangalorePincode() {
        var offices = directory.byPincode("560003");
        assertFalse(offices.isEmpty());
        assertTrue(offices.stream().allMatch(p -> p.state() == IndianState.KARNATAKA));
        assertTrue(offices.stream().anyMatch(p -> p.officeName().toLowerCase().contains("malleswaram")));
    }

    @Test
    void everyRequestInTheProcessGetsTheSameDirectory() throws Exception {
        assertSame(directory, PostalDirectory.load(), "a second request returns the instance already loaded");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var asked = pool.invokeAll(java.util.Collections.nCopies(8,
                    (java.util.concurrent.Callable<PostalDirectory>) PostalDirectory::load));
            for (var f : asked) {
                assertSame(directory, f.get(), "requests from other threads share it too");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownPincodeHasNoOffices() {
        assertFalse(directory.pincodeExists("999999"));
        assertFalse(directory.pincodeExists(null));
    }

    @ParameterizedTest
    @CsvSource({
        "Chattisgarh, CHHATTISGARH", "Pondicherry, PUDUCHERRY", "Jammu & Kashmir, JAMMU_KASHMIR",
        "orissa, ODISHA", "KA, KARNATAKA", "tamilnadu, TAMIL_NADU", "Andaman & Nicobar Islands, ANDAMAN_NICOBAR",
        "Dadra and Nagar Haveli and Daman and Diu, DADRA_DAMAN_DIU"
    })
    void resolvesStateSpellingsOfTheDirectoryAndCustomers(String text, IndianState expected) {
        assertEquals(expected, IndianState.resolve(text).orElseThrow());
    }

    @Test
    void everySvgPathMapsToExactlyOneState() {
        String[] svgIds = {"an", "ap", "ar", "as", "br", "ch", "ct", "dn", "dd", "dl", "ga", "gj", "hr", "hp", "jk", "jh",
            "ka", "kl", "ld", "mp", "mh", "mn", "ml", "mz", "nl", "or", "py", "pb", "rj", "sk", "tn", "tg", "tr", "up", "ut", "wb"};
        for (String id : svgIds) {
            assertTrue(IndianState.bySvgId(id).isPresent(), id);
        }
        assertEquals(IndianState.DADRA_DAMAN_DIU, IndianState.bySvgId("dd").orElseThrow());
        assertEquals(IndianState.DADRA_DAMAN_DIU, IndianState.bySvgId("dn").orElseThrow());
    }
}
