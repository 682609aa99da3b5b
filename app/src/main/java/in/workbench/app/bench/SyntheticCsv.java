package in.workbench.app.bench;

import java.io.BufferedWriter;
import java.io.IOException;
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
        SplittableRandom random = new SplittableRandom(42 + firstId);
        String[] packages = {"polybag", "padded_mailer", "tfolder_box", "carton_single", "carton_double", "carton_bubble"};
        String[] statuses = {"delivered", "delivered", "delivered", "delivered", "delivered", "delivered", "delivered",
            "delivered", "damaged", "undeliverable", "returned"};
        LocalDate start = LocalDate.of(2025, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("shipment_id,order_date,product_id,address_id,package_type,quantity,ship_cost_inr,promised_days,"
                    + "delivered_days,attempts,status\n");
            StringBuilder line = new StringBuilder(128);
            for (int i = 1; i <= rows; i++) {
                String status = statuses[random.nextInt(statuses.length)];
                int promised = 2 + random.nextInt(6);
                line.setLength(0);
                line.append("SH").append(10_000_000 + firstId + i).append(',')
                        .append(start.plusDays(random.nextInt(640))).append(',')
                        .append("P").append(100_000 + random.nextInt(3_000)).append(',')
                        .append("A").append(1_000_000 + random.nextInt(20_000)).append(',')
                        .append(packages[random.nextInt(packages.length)]).append(',')
                        .append(1 + random.nextInt(3)).append(',')
                        .append(40 + random.nextInt(160)).append('.').append(random.nextInt(10)).append("0,")
                        .append(promised).append(',')
                        .append(status.equals("undeliverable") ? "" : String.valueOf(promised - 1 + random.nextInt(4))).append(',')
                        .append(1 + random.nextInt(3)).append(',')
                        .append(status).append('\n');
                w.append(line);
            }
        }
        return Files.size(csv);
    }
}
