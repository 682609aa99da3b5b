package in.workbench.analytics.segmentation;

import in.workbench.analytics.task.ProgressMonitor;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulates analysts correcting segmentations, to measure how the segmenter improves as their
 * labels accumulate: for each step k, the first k addresses of a pool get their reference
 * segmentation as if an analyst had corrected them, the rest only weak labels; the model is trained
 * and scored by span F1 on a separate test set. Used by {@code bench segmentation} and the tests on
 * generated gold segmentations; the product itself never sees gold data. Thread-safe.
 */
public final class LearningCurveSimulation {

    private final SegmentationTrainer trainer;

    public LearningCurveSimulation(SegmentationTrainer trainer) {
        this.trainer = trainer;
    }

    /** One point: analysts' labels used, span F1 on the test set, training time. */
    public record Point(int analystLabels, double spanF1, double precision, double recall, long trainMillis) {
    }

    /**
     * Runs the simulation.
     *
     * @param pool addresses to train on, each with its reference segmentation in {@code analyst}
     * @param test addresses to evaluate on, each with its reference segmentation
     * @param steps numbers of analysts' labels to simulate, e.g. 0, 50, 100, 200, 500
     */
    public List<Point> run(List<SegmentationTrainer.Example> pool, List<SegmentationTrainer.Example> test, int[] steps,
            SegmentationTrainer.Settings settings, ProgressMonitor monitor) {
        List<Point> out = new ArrayList<>();
        for (int s = 0; s < steps.length; s++) {
            int k = Math.min(steps[s], pool.size());
            if (k == 0 && settings.maxWeak() == 0) {
                out.add(new Point(0, 0, 0, 0, 0));
                continue;
            }
            List<SegmentationTrainer.Example> data = new ArrayList<>(pool.size());
            for (int i = 0; i < pool.size(); i++) {
                SegmentationTrainer.Example e = pool.get(i);
                data.add(i < k ? forceTrain(e, settings.seed()) : new SegmentationTrainer.Example(e.id(), e.text(), e.pincode(), null));
            }
            monitor.update(s, steps.length, "training with " + k + " analysts' labels");
            SegmentationTrainer.Result r = trainer.train(data, settings, ProgressMonitor.NONE);
            SpanF1 f1 = trainer.evaluate(r.model(), test);
            out.add(new Point(k, f1.f1(), f1.precision(), f1.recall(), r.report().trainMillis()));
        }
        monitor.update(steps.length, steps.length, "done");
        return out;
    }

    /** The simulated analyst labels are all trained on: their ids are renamed until none is held out. */
    private static SegmentationTrainer.Example forceTrain(SegmentationTrainer.Example e, long seed) {
        String id = e.id();
        int n = 0;
        while (SegmentationTrainer.heldOut(id, seed)) {
            id = e.id() + "#" + (++n);
        }
        return new SegmentationTrainer.Example(id, e.text(), e.pincode(), e.analyst());
    }
}
