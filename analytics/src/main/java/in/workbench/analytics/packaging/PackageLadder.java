package in.workbench.analytics.packaging;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The package ladder: package types ordered from least to most robust, as package_types holds
 * them. Each package sits on a rung (0 = least robust); packages with the same robustness rank
 * share a rung (and so get the same predicted damage), and gaps in the ranks are closed up, so
 * ranks 1, 2, 4 give rungs 0, 1, 2. {@link #notes()} says in plain sentences what was merged or
 * closed up. Immutable and thread-safe.
 */
public final class PackageLadder implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * A package type on the ladder.
     *
     * @param name the package type
     * @param rank its robustness rank as imported
     * @param unitCostInr what one package costs
     * @param rung its position on the ladder, 0 = least robust
     */
    public record Package(String name, int rank, double unitCostInr, int rung) implements Serializable {
    }

    private final List<Package> packages;
    private final Map<String, Package> byName;
    private final int rungs;
    private final List<String> notes;

    private PackageLadder(List<Package> packages, int rungs, List<String> notes) {
        this.packages = List.copyOf(packages);
        this.rungs = rungs;
        this.notes = List.copyOf(notes);
        Map<String, Package> m = new LinkedHashMap<>();
        for (Package p : packages) {
            m.put(p.name(), p);
        }
        this.byName = m;
    }

    /** A package type as read from package_types, before rungs are assigned. */
    public record Entry(String name, int rank, double unitCostInr) {
    }

    /** The package types the ladder was built from (rebuilding from them gives the same ladder). */
    public List<Entry> entries() {
        return packages.stream().map(p -> new Entry(p.name(), p.rank(), p.unitCostInr())).toList();
    }

    /** Builds the ladder from package types in any order; explains tied ranks and gaps in {@link #notes()}. */
    public static PackageLadder of(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(Entry::rank).thenComparing(Entry::name));
        List<Package> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int rung = -1;
        Integer previousRank = null;
        for (Entry e : sorted) {
            if (previousRank == null || e.rank() != previousRank) {
                rung++;
                if (previousRank != null && e.rank() > previousRank + 1) {
                    notes.add("Robustness ranks " + (previousRank + 1) + (e.rank() - 1 > previousRank + 1 ? "–" + (e.rank() - 1) : "")
                            + " are not used; " + e.name() + " is the next step up the ladder after rank " + previousRank + ".");
                }
            } else {
                notes.add(e.name() + " has the same robustness rank (" + e.rank() + ") as " + out.get(out.size() - 1).name()
                        + "; the model treats them as equally robust.");
            }
            out.add(new Package(e.name(), e.rank(), e.unitCostInr(), rung));
            previousRank = e.rank();
        }
        return new PackageLadder(out, rung + 1, notes);
    }

    /** The packages, least robust first. */
    public List<Package> packages() {
        return packages;
    }

    /** The package names, least robust first. */
    public List<String> names() {
        return packages.stream().map(Package::name).toList();
    }

    /** The number of distinct robustness levels. */
    public int rungs() {
        return rungs;
    }

    /** The number of package types. */
    public int size() {
        return packages.size();
    }

    public Optional<Package> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The package's index in {@link #packages()}, or -1 when it is not on the ladder. */
    public int indexOf(String name) {
        Package p = byName.get(name);
        return p == null ? -1 : packages.indexOf(p);
    }

    /** Sentences about tied ranks and gaps; empty for a clean ladder. */
    public List<String> notes() {
        return notes;
    }

    public boolean isEmpty() {
        return packages.isEmpty();
    }
}
