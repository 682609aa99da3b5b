package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerAddressTest {

    @Test
    void readsEveryPartOfAnAddress() {
        ServerAddress a = ServerAddress.parse("postgresql://priya@db.example.in:6543/shipping?currentSchema=west&sslmode=verify-full");
        assertEquals(new ServerAddress("priya", "db.example.in", 6543, "shipping", "west", Optional.of("verify-full")), a);
        assertEquals("jdbc:postgresql://db.example.in:6543/shipping", a.jdbcUrl());
    }

    @Test
    void acceptsTheJdbcPrefixAndFillsInPortAndSchema() {
        ServerAddress a = ServerAddress.parse("jdbc:postgresql://ravi@10.0.0.5/team");
        assertEquals(5432, a.port());
        assertEquals("public", a.schema());
        assertEquals(Optional.empty(), a.sslMode());
        assertEquals("postgresql://ravi@10.0.0.5:5432/team?currentSchema=public", a.toString());
    }

    @Test
    void writtenFormReadsBackToTheSameAddress() {
        ServerAddress a = ServerAddress.parse("postgresql://asha@host:1/db?currentSchema=s1&sslmode=require");
        assertEquals(a, ServerAddress.parse(a.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://priya:secret@host/db", "postgresql://priya@host/db?password=secret"})
    void refusesAnAddressHoldingAPasswordWithoutRepeatingIt(String text) {
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> ServerAddress.parse(text));
        assertTrue(e.getMessage().contains("password file"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://host", "postgresql://u@host:99999/db", "postgresql://u@host/db?sslmode=sometimes",
        "postgresql://u@host/db?currentSchema=a;drop", "postgresql://u@host/db?colour=blue"})
    void refusesAMalformedAddressWithASentence(String text) {
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> ServerAddress.parse(text));
        assertEquals(WorkbenchException.Kind.INPUT_UNUSABLE, e.kind());
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
    }

    @Test
    void tellsAServerAddressFromAFolder() {
        assertTrue(ServerAddress.looksLikeServer("jdbc:postgresql://u@h/db"));
        assertTrue(ServerAddress.looksLikeServer("postgresql://u@h/db"));
        assertFalse(ServerAddress.looksLikeServer("/home/priya/workspaces/west"));
        assertFalse(ServerAddress.looksLikeServer("postgresql-notes"));
    }
}
