package in.workbench.analytics.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.geo.IndianState;
import in.workbench.analytics.geo.PostalDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressParserTest {

    static AddressParser parser;

    @BeforeAll
    static void load() {
        parser = new AddressParser(PostalDirectory.load());
    }

    @Test
    void readsACompleteBangaloreAddress() {
        AddressParts p = parser.parse("Flat 302, Shanti Apartments, 5th Cross, Malleswaram, Bangalore 560003", null, null, null);
        assertTrue(p.hasHouse());
        assertTrue(p.hasBuilding());
        assertTrue(p.hasStreet());
        assertFalse(p.hasLandmark());
        assertEquals("560003", p.pincode());
        assertTrue(p.pincodeExists());
        assertEquals(IndianState.KARNATAKA, p.pincodeState());
        assertEquals(Boolean.TRUE, p.cityAgrees(), "Bangalore is the old name of Bengaluru");
        assertTrue(p.localityMatches(), "Malleswaram is an office of 560003: " + p.matchedOffice());
    }

    @Test
    void recognisesALandmarkOnlyAddressWithoutPincode() {
        AddressParts p = parser.parse("Near Orion Mall, Malleswaram, Bangalore", null, null, null);
        assertTrue(p.landmarkOnly());
        assertNull(p.pincode());
        assertFalse(p.pincodeMalformed());
    }

    @Test
    void seesThatThePincodeContradictsTheCityAndState() {
        AddressParts p = parser.parse("12 MG Road, Mysuru, Kerala 560003", null, null, null);
        assertEquals(Boolean.TRUE, p.cityAgrees() == null ? null : !p.cityAgrees(), "560003 is Bengaluru, not Mysuru");
        assertEquals(Boolean.FALSE, p.stateAgrees());
    }

    @Test
    void flagsAMistypedPincodeAndAnUnknownOne() {
        assertTrue(parser.parse("#12, 3rd Main, Jayanagar, Bengaluru 56004", null, null, null).pincodeMalformed());
        AddressParts unknown = parser.parse("#12, 3rd Main, Jayanagar, Bengaluru 999999", null, null, null);
        assertEquals("999999", unknown.pincode());
        assertFalse(unknown.pincodeExists());
    }

    @Test
    void matchesSpellingVariantsOfTheLocality() {
        AddressParts p = parser.parse("#5, Malleshwaram, Bengaluru 560003", null, null, null);
        assertTrue(p.localityMatches(), "Malleshwaram ~ Malleswaram, similarity " + p.localitySimilarity());
    }

    @Test
    void usesTheColumnsWhenTheTextLacksThem() {
        AddressParts p = parser.parse("House No 7, Gandhi Road", "Chennai", "Tamil Nadu", "600017");
        assertEquals("600017", p.pincode());
        assertEquals(IndianState.TAMIL_NADU, p.statedState());
        assertEquals(Boolean.TRUE, p.stateAgrees());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "😀🙏🏽📦", "a", "मंदिर के पास, वाराणसी 221001", "x,y;z|\"'\\"})
    void anyTextParsesWithoutError(String text) {
        AddressParts p = parser.parse(text, null, null, null);
        assertTrue(p.length() >= 0);
    }

    @Test
    void aFiveThousandCharacterAddressParsesQuickly() {
        String huge = "near temple ".repeat(420);
        AddressParts p = parser.parse(huge, null, null, null);
        assertTrue(p.length() <= AddressParser.MAX_CHARS);
        assertTrue(p.hasLandmark());
    }

    @Test
    void devanagariAddressesAreRecognised() {
        AddressParts p = parser.parse("मंदिर के पास, वाराणसी 221001", null, null, null);
        assertTrue(p.devanagari());
        assertTrue(p.hasLandmark());
        assertTrue(p.pincodeExists());
    }
}
