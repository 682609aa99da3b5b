package in.workbench.analytics.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dominant colour of a product image by k-means in CIELAB, background ignored. */
class ImageColourTest {

    static final ImageColour COLOURS = ImageColour.retail(AttributeVocabulary.colours(), 42);

    /** A product-shaped ellipse of {@code rgb}, shaded, on a background. */
    static BufferedImage product(int rgb, int background, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = (x - size / 2.0) / (size * 0.35);
                double dy = (y - size / 2.0) / (size * 0.45);
                double r2 = dx * dx + dy * dy;
                if (r2 > 1) {
                    img.setRGB(x, y, background);
                } else {
                    double shade = 0.85 + 0.15 * (1 - r2);
                    int r = (int) (((rgb >> 16) & 0xFF) * shade);
                    int g = (int) (((rgb >> 8) & 0xFF) * shade);
                    int b = (int) ((rgb & 0xFF) * shade);
                    img.setRGB(x, y, (r << 16) | (g << 8) | b);
                }
            }
        }
        return img;
    }

    @ParameterizedTest
    @CsvSource({"e50000, red", "0343df, blue", "15b01a, green", "000000, black", "ffffff, white", "ff81c0, pink", "ffff14, yellow"})
    void namesTheProductColourOnAWhiteBackground(String hex, String expected) {
        ImageColour.Dominant d = COLOURS.dominant(product(Integer.parseInt(hex, 16), 0xFFFFFF, 64));
        assertEquals(expected, d.name(), d.toString());
        assertTrue(d.confidence() > 0.3, d.toString());
    }

    @Test
    void ignoresAColouredBackgroundToo() {
        ImageColour.Dominant d = COLOURS.dominant(product(0xE50000, 0x0343DF, 64));
        assertEquals("red", d.name());
    }

    @Test
    void theLargestClusterWinsOverASmallPrint() {
        BufferedImage img = product(0x000000, 0xFFFFFF, 80);
        for (int y = 30; y < 40; y++) {
            for (int x = 30; x < 45; x++) {
                img.setRGB(x, y, 0xE50000);
            }
        }
        assertEquals("black", COLOURS.dominant(img).name());
    }

    @Test
    void anImageOfOnlyBackgroundHasNoProductColour() {
        BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                img.setRGB(x, y, 0xFFFFFF);
            }
        }
        assertNull(COLOURS.dominant(img));
    }

    @Test
    void largeImagesAreSampledNotReadPixelByPixel() {
        long t0 = System.nanoTime();
        assertEquals("green", COLOURS.dominant(product(0x15B01A, 0xFFFFFF, 1500)).name());
        assertTrue((System.nanoTime() - t0) / 1e6 < 3000, "a 1500×1500 image takes under 3 s");
    }

    @Test
    void labRoundTripsThroughHex() {
        assertEquals("#e50000", ImageColour.hex(ImageColour.lab(0xE50000)));
        assertEquals(100, ImageColour.lab(0xFFFFFF)[0], 0.01);
    }
}
