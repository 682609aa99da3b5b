package in.workbench.views.catalog;

import in.workbench.analytics.catalog.CatalogCheck;
import in.workbench.analytics.catalog.CatalogTraining;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** A small checked workspace for the catalog screens' tests: 300 products, a few images, trained models, flags. */
final class CatalogFixture {

    private static final String[] COLOURS = {"Red", "Blue", "Green", "Black", "White", "Pink", "Yellow", "Maroon", "Navy", "Grey"};
    private static final int[] RGB = {0xE50000, 0x0343DF, 0x15B01A, 0x000000, 0xFFFFFF, 0xFF81C0, 0xFFFF14, 0x650021, 0x01153E, 0x929591};
    private static final String[][] SUBS = {{"Clothing", "Kurtas", "Kurta", "cotton"}, {"Footwear", "Running Shoes", "Running Shoes", "mesh"},
        {"Bags", "Backpacks", "Backpack", "nylon"}, {"Electronics", "Phone Cases", "Phone Case", "silicone"}};

    private CatalogFixture() {
    }

    static Workspace create(Path dir) throws Exception {
        Path source = dir.resolve("export");
        Files.createDirectories(source.resolve("images"));
        Random r = new Random(5);
        StringBuilder csv = new StringBuilder("product_id,title,category,subcategory,brand,color,material,price_inr,image_path\n");
        for (int i = 0; i < 300; i++) {
            String[] sub = SUBS[i % SUBS.length];
            int c = r.nextInt(COLOURS.length);
            String title = switch (r.nextInt(3)) {
                case 0 -> "Aurelia Women's " + COLOURS[c] + " " + sub[2];
                case 1 -> sub[2] + " for Men & Women - " + COLOURS[c] + " | " + sub[3];
                default -> "Asian " + sub[2] + " (" + COLOURS[c] + ", Pack of 1)";
            };
            double u = r.nextDouble();
            String attr = u < 0.3 ? "" : u < 0.35 ? COLOURS[(c + 2) % COLOURS.length].toLowerCase() : COLOURS[c].toLowerCase();
            String image = "";
            if (i % 15 == 0) {
                image = "images/P" + i + ".png";
                int shown = i % 45 == 0 ? RGB[(c + 1) % RGB.length] : RGB[c];
                ImageIO.write(product(shown), "png", source.resolve(image).toFile());
            }
            csv.append(String.format("P%03d,\"%s\",%s,%s,Aurelia,%s,%s,499,%s%n", i, title, sub[0], sub[1], attr, sub[3], image));
        }
        Files.writeString(source.resolve("catalog.csv"), csv.toString());
        Workspace ws = Workspace.open(dir.resolve("ws"));
        new CsvImporter(ws).importFile(source.resolve("catalog.csv"), DataTable.PRODUCTS, ImportOptions.defaults(), ProgressMonitor.NONE);
        CatalogTraining.trainAttributes(ws, 42, 3, ProgressMonitor.NONE);
        CatalogTraining.trainCategory(ws, 42, 3, ProgressMonitor.NONE);
        CatalogCheck.run(ws, ProgressMonitor.NONE);
        return ws;
    }

    static BufferedImage product(int rgb) {
        BufferedImage img = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                double dx = (x - 23.5) / 17.0;
                double dy = (y - 23.5) / 21.0;
                img.setRGB(x, y, dx * dx + dy * dy <= 1 ? rgb : 0xFFFFFF);
            }
        }
        return img;
    }
}
