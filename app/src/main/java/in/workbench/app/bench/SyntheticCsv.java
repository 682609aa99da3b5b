package in.workbench.app.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Deterministic generated input files in the canonical layouts, for the speed benchmarks that need
 * many rows fast (the sample generator makes realistic worlds; these make volume). Stateless.
 */
final class SyntheticCsv {

    private SyntheticCsv() {
    }

    /**
     * Writes a deterministic synthetic addresses file in the canonical layout: house, street and
     * locality, with the city, state and pincode inside the text, in the columns, misspelt or missing;
     * returns its size.
     */
    static long writeAddresses(Path csv, int count) throws IOException {
        String[][] cities = {
            {"Bangalore", "Karnataka", "5600"}, {"Mysore", "Karnataka", "5700"}, {"Chennai", "Tamil Nadu", "6000"},
            {"Coimbatore", "Tamil Nadu", "6410"}, {"Mumbai", "Maharashtra", "4000"}, {"Pune", "Maharashtra", "4110"},
            {"Ahmedabad", "Gujarat", "3800"}, {"Surat", "Gujarat", "3950"}, {"Jaipur", "Rajasthan", "3020"},
            {"Lucknow", "Uttar Pradesh", "2260"}, {"Patna", "Bihar", "8000"}, {"Kolkata", "West Bengal", "7000"},
            {"Hyderabad", "Telangana", "5000"}, {"Kochi", "Kerala", "6820"}, {"Bhopal", "Madhya Pradesh", "4620"},
            {"New Delhi", "Delhi", "1100"}};
        String[] streets = {"MG Road", "Station Road", "Gandhi Nagar", "Nehru Street", "Temple Road", "Main Bazaar", "Ring Road"};
        SplittableRandom random = new SplittableRandom(7);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("address_id,customer_id,address_text,city,state,pincode,created_at\n");
            StringBuilder line = new StringBuilder(160);
            for (int i = 1; i <= count; i++) {
                String[] city = cities[random.nextInt(cities.length)];
                String pincode = city[2] + String.format("%02d", random.nextInt(60));
                int shape = random.nextInt(4);
                String state = switch (shape) {
                    case 0 -> city[1];
                    case 1 -> city[1].substring(0, city[1].length() - 1);
                    default -> "";
                };
                line.setLength(0);
                line.append('A').append(1_000_000 + i).append(",C").append(random.nextInt(count / 2 + 1)).append(",\"")
                        .append(1 + random.nextInt(400)).append(", ").append(streets[random.nextInt(streets.length)]).append(", ")
                        .append(city[0]).append(shape == 3 ? " " + pincode : "").append("\",")
                        .append(shape == 2 ? "" : city[0]).append(',').append(state).append(',')
                        .append(shape == 3 ? "" : pincode).append(",2025-0").append(1 + random.nextInt(9)).append("-1")
                        .append(random.nextInt(10)).append("T10:15:00+05:30\n");
                w.append(line);
            }
        }
        return Files.size(csv);
    }

    /** Writes a deterministic synthetic shipments file in the canonical layout; returns its size. */
    static long writeShipments(Path csv, int rows) throws IOException {
        return writeShipments(csv, rows, 0);
    }

    /** As {@link #writeShipments(Path, int)}, with ids after {@code firstId} (a later month's file). */
    static long writeShipments(Path csv, int rows, int firstId) throws IOException {
        ShipmentRows source = new ShipmentRows(firstId);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("shipment_id,order_date,product_id,address_id,package_type,quantity,ship_cost_inr,promised_days,"
                    + "delivered_days,attempts,status\n");
            StringBuilder line = new StringBuilder(128);
            Object[] row = new Object[ShipmentRows.COLUMNS];
            for (int i = 1; i <= rows; i++) {
                source.next(row);
                line.setLength(0);
                for (int c = 0; c < row.length; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    if (row[c] != null) {
                        line.append(row[c] instanceof BigDecimal d ? d.toPlainString() : row[c].toString());
                    }
                }
                w.append(line).append('\n');
            }
        }
        return Files.size(csv);
    }

    /**
     * The rows of the synthetic shipments file as typed values, in file order: what
     * {@link #writeShipments(Path, int, int)} writes, for a reference that skips parsing.
     */
    static final class ShipmentRows {
        /** Values per row, in the canonical column order. */
        static final int COLUMNS = 11;
        private static final String[] PACKAGES = {"polybag", "padded_mailer", "tfolder_box", "carton_single", "carton_double",
            "carton_bubble"};
        private static final String[] STATUSES = {"delivered", "delivered", "delivered", "delivered", "delivered", "delivered",
            "delivered", "delivered", "damaged", "undeliverable", "returned"};
        private static final LocalDate START = LocalDate.of(2025, 1, 1);
        private final SplittableRandom random;
        private final int firstId;
        private int made;

        ShipmentRows(int firstId) {
            this.random = new SplittableRandom(42 + firstId);
            this.firstId = firstId;
        }

        /** Fills {@code row} with the next shipment. */
        void next(Object[] row) {
            made++;
            String status = STATUSES[random.nextInt(STATUSES.length)];
            int promised = 2 + random.nextInt(6);
            row[0] = "SH" + (10_000_000 + firstId + made);
            row[1] = START.plusDays(random.nextInt(640));
            row[2] = "P" + (100_000 + random.nextInt(3_000));
            row[3] = "A" + (1_000_000 + random.nextInt(20_000));
            row[4] = PACKAGES[random.nextInt(PACKAGES.length)];
            row[5] = 1 + random.nextInt(3);
            int rupees = 40 + random.nextInt(160);
            row[6] = BigDecimal.valueOf(rupees * 100L + random.nextInt(10) * 10L, 2);
            row[7] = promised;
            row[8] = status.equals("undeliverable") ? null : promised - 1 + random.nextInt(4);
            row[9] = 1 + random.nextInt(3);
            row[10] = status;
        }
    }
}
