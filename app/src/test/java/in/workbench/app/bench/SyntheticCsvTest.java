package in.workbench.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCsvTest {

    @TempDir
    Path dir;

    /**
     * The import figures of every round were taken on this file: its bytes must not change when the generator's code does.
     * The digest was taken from the generator as it was before its rows became typed values (200,000 rows after id
     * 10,000,000, the bench's warm-up file for 1,000,000 rows).
     */
    @Test
    void theShipmentsFileIsByteForByteTheOneTheEarlierFiguresWereTakenOn() throws Exception {
        Path csv = dir.resolve("s.csv");
        SyntheticCsv.writeShipments(csv, 200_000, 10_000_000);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(csv)));
        assertEquals("e0344231036a6a862c21a1b7a0274e54e49c651d9f2dfc43246ede0901d36db8", sha);
    }

    @Test
    void theTypedRowsAreTheValuesOfTheFileTheSameSeedWrites() throws Exception {
        Path csv = dir.resolve("s.csv");
        SyntheticCsv.writeShipments(csv, 3, 0);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("SH10000001,2025-03-23,P102172,A1006781,carton_bubble,3,159.80,2,,1,undeliverable", lines.get(1));

        SyntheticCsv.ShipmentRows rows = new SyntheticCsv.ShipmentRows(0);
        Object[] row = new Object[SyntheticCsv.ShipmentRows.COLUMNS];
        rows.next(row);
        assertEquals("SH10000001", row[0]);
        assertEquals(LocalDate.of(2025, 3, 23), row[1]);
        assertEquals(new BigDecimal("159.80"), row[6]);
        assertNull(row[8], "an undeliverable shipment has no delivered_days");
        for (int i = 2; i <= 3; i++) {
            rows.next(row);
            String[] cells = lines.get(i).split(",", -1);
            for (int c = 0; c < cells.length; c++) {
                assertEquals(cells[c], row[c] == null ? "" : row[c] instanceof BigDecimal d ? d.toPlainString() : row[c].toString(),
                        "line " + (i + 1) + ", column " + c);
            }
        }
    }
}
