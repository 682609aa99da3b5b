package in.workbench.analytics.regional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressStatesTest {

    static AddressStates states;

    @BeforeAll
    static void parser() {
        states = new AddressStates(new AddressParser(PostalDirectory.load()));
    }

    @ParameterizedTest(name = "{0} | {1} | {2} -> {3} by {4}")
    @CsvSource(nullValues = "-", value = {
        "'12 CG Road, Ahmedabad', Gujarat, -, Gujarat, STATE_COLUMN",
        "'12 CG Road, Ahmedabad', GJ, -, Gujarat, STATE_COLUMN",
        "'MG Road', Karnatka, -, Karnataka, CORRECTED_SPELLING",
        "'MG Road', Tamil Ndu, -, Tamil Nadu, CORRECTED_SPELLING",
        "'MG Road', Maharashta, -, Maharashtra, CORRECTED_SPELLING",
        "'Anna Salai, Chennai 600001', -, -, Tamil Nadu, PINCODE",
        "'Anna Salai, Chennai', -, 600001, Tamil Nadu, PINCODE",
        "'Mall Road, Shimla, Himachal Pradesh', -, -, Himachal Pradesh, ADDRESS_TEXT",
        "'near the temple', -, -, Unknown, NO_STATE",
        "'near the temple', Xyzzy, -, Unknown, NO_STATE",
    })
    void resolvesTheStateAndSaysHow(String text, String state, String pincode, String expected, AddressStates.Source source) {
        AddressStates.Resolution r = states.resolve(text, null, state, pincode);
        assertEquals(expected, r.state());
        assertEquals(source, r.source());
    }
}
