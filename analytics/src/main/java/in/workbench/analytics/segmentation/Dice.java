package in.workbench.analytics.segmentation;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The draws the address writers make: a chance, one of a list, a number from 1. Both writers
 * ({@link AddressComposer}, {@link VariedAddressComposer}) draw through it from their own random
 * source, so a seed gives the same addresses. Not thread-safe (one random source).
 */
final class Dice {

    private final SplittableRandom random;

    Dice(SplittableRandom random) {
        this.random = random;
    }

    /** True with probability {@code p}. */
    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** One element of {@code list}, each as likely. */
    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** A whole number from 1 to {@code max}. */
    int num(int max) {
        return 1 + random.nextInt(max);
    }
}
