package in.workbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path dir;

    int run(StringWriter out, StringWriter err, String... args) {
        return WorkbenchCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void regionalLiftWritesTheContractColumnsForEveryStateAndSubcategory() throws Exception {
        String ws = dir.resolve("ws").toString();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "import", "-q", "-w", ws, "-t", "shipments", file("s.csv",
                "shipment_id,order_date,product_id,address_id,package_type,status\nS1,2025-01-01,P1,A1,polybag,delivered\n"
                        + "S2,2025-01-01,P2,A2,polybag,delivered\nS3,2025-01-02,P1,A1,polybag,delivered\nS4,2025-01-02,P1,A3,polybag,returned\n")
                .toString()), err.toString());
        assertEquals(0, run(out, err, "import", "-q", "-w", ws, "-t", "catalog", file("c.csv",
                "product_id,title,category,subcategory,price_inr\nP1,Bandhani Saree,Clothing,Bandhani Sarees,2999\n"
                        + "P2,Umbrella,Home & Kitchen,Umbrellas,299\n").toString()), err.toString());
        assertEquals(0, run(out, err, "import", "-q", "-w", ws, "-t", "addresses", file("a.csv",
                "address_id,address_text,state,pincode\nA1,CG Road,Gujarat,\nA2,\"MG Road, Kochi\",Kerla,\nA3,near the temple,,\n").toString()),
                err.toString());
        Path report = dir.resolve("lift.csv");
        StringWriter reportOut = new StringWriter();
        assertEquals(0, run(reportOut, err, "report", "-q", "--json", "-w", ws, "regional-lift", "-o", report.toString()), err.toString());
        List<String> lines = Files.readAllLines(report);
        assertTrue(lines.get(0).startsWith("state,category,subcategory,orders,share,lift"), lines.get(0));
        assertEquals(5, lines.size(), "2 states × 2 subcategories: " + lines);
        assertTrue(lines.get(1).startsWith("Gujarat,Clothing,Bandhani Sarees,2,1.000000,"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Kerala,Home & Kitchen,Umbrellas,1,")), "Kerla corrected to Kerala");
        String printed = reportOut.toString();
        assertTrue(printed.contains("Unknown"), printed);
        assertTrue(printed.trim().endsWith("\"not_in_catalog_orders\":0}"), printed);
    }

    @Test
    void anEmptyWorkspaceExitsWith4AndSaysWhatToImport() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(4, run(out, err, "report", "-q", "-w", dir.resolve("ws").toString(), "regional-lift", "-o",
                dir.resolve("x.csv").toString()));
        assertTrue(err.toString().contains("import"), err.toString());
    }
}
