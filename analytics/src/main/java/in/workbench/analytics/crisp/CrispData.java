package in.workbench.analytics.crisp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The people, encounters and tests of one inference window in the compact form the sampler
 * works on: people are numbered 0…n−1, days 0…days−1 (day 0 = {@link #firstDay()}), every
 * encounter is stored once and listed for both of its people, ordered by day and then by the
 * other person so that several encounters of one pair on one day sit next to each other.
 *
 * <p>Immutable once built (apart from a memo of the pair-days' λ for the latest parameters);
 * thread-safe to share between chains.
 */
public final class CrispData {

    /** Why a person was tested (tests.csv {@code reason}); UNKNOWN when the column was blank. */
    public enum Reason {
        UNKNOWN, SYMPTOMS, SCREENING, CONTACT, OTHER;

        /** Reads the tests.csv value (null or blank = UNKNOWN). */
        public static Reason of(String text) {
            if (text == null || text.isBlank()) {
                return UNKNOWN;
            }
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }

    final int people;
    final int days;
    final LocalDate firstDay;
    final String[] ids;
    final String[] sites;
    final int[] contactA;
    final int[] contactB;
    final int[] contactDay;
    final float[] contactHours;
    final boolean[] contactClose;
    final boolean[] contactIndoor;
    final int[] adjacencyStart;
    final int[] adjacency;
    /**
     * A person's encounters grouped by day and other person ("pair-days"), in adjacency order:
     * person u's pair-days are pairStart[u] … pairStart[u+1]−1, pair-day j is with pairOther[j] on
     * pairDay[j]. The sampler walks these sequentially instead of looking each encounter up.
     */
    final int[] pairStart;
    final int[] pairOther;
    final int[] pairDay;
    private CrispParams lambdaParams;
    private double[] lambdaMemo;
    final int[] testPerson;
    final int[] testDay;
    final boolean[] testPositive;
    final Reason[] testReason;
    final int[] testStart;
    final int[] testsOf;
    final List<String> notes;

    private CrispData(Builder b, int days, LocalDate firstDay) {
        this.people = b.ids.size();
        this.days = days;
        this.firstDay = firstDay;
        this.ids = b.ids.toArray(String[]::new);
        this.sites = b.sites.toArray(String[]::new);
        int m = b.contacts;
        this.contactA = Arrays.copyOf(b.ca, m);
        this.contactB = Arrays.copyOf(b.cb, m);
        this.contactDay = Arrays.copyOf(b.cday, m);
        this.contactHours = Arrays.copyOf(b.chours, m);
        this.contactClose = Arrays.copyOf(b.cclose, m);
        this.contactIndoor = Arrays.copyOf(b.cindoor, m);
        for (int c = 0; c < m; c++) {
            if (contactDay[c] < 0 || contactDay[c] >= days) {
                throw new IllegalArgumentException("contact on day " + contactDay[c] + " outside 0…" + (days - 1));
            }
        }
        this.adjacencyStart = new int[people + 1];
        for (int c = 0; c < m; c++) {
            adjacencyStart[contactA[c] + 1]++;
            adjacencyStart[contactB[c] + 1]++;
        }
        for (int i = 0; i < people; i++) {
            adjacencyStart[i + 1] += adjacencyStart[i];
        }
        int[] fill = Arrays.copyOf(adjacencyStart, people);
        this.adjacency = new int[2 * m];
        for (int c = 0; c < m; c++) {
            adjacency[fill[contactA[c]]++] = c;
            adjacency[fill[contactB[c]]++] = c;
        }
        for (int i = 0; i < people; i++) {
            sortByDayAndOther(i);
        }
        this.pairStart = new int[people + 1];
        int pairs = 0;
        for (int i = 0; i < people; i++) {
            pairStart[i] = pairs;
            for (int k = adjacencyStart[i]; k < adjacencyStart[i + 1]; k++) {
                if (k == adjacencyStart[i] || !samePair(i, adjacency[k - 1], adjacency[k])) {
                    pairs++;
                }
            }
        }
        pairStart[people] = pairs;
        this.pairOther = new int[pairs];
        this.pairDay = new int[pairs];
        int j = 0;
        for (int i = 0; i < people; i++) {
            for (int k = adjacencyStart[i]; k < adjacencyStart[i + 1]; k++) {
                if (k == adjacencyStart[i] || !samePair(i, adjacency[k - 1], adjacency[k])) {
                    pairOther[j] = other(adjacency[k], i);
                    pairDay[j] = contactDay[adjacency[k]];
                    j++;
                }
            }
        }
        int t = b.tests;
        this.testPerson = Arrays.copyOf(b.tperson, t);
        this.testDay = Arrays.copyOf(b.tday, t);
        this.testPositive = Arrays.copyOf(b.tpositive, t);
        this.testReason = Arrays.copyOf(b.treason, t);
        this.testStart = new int[people + 1];
        for (int k = 0; k < t; k++) {
            if (testDay[k] < 0 || testDay[k] >= days) {
                throw new IllegalArgumentException("test on day " + testDay[k] + " outside 0…" + (days - 1));
            }
            testStart[testPerson[k] + 1]++;
        }
        for (int i = 0; i < people; i++) {
            testStart[i + 1] += testStart[i];
        }
        int[] tfill = Arrays.copyOf(testStart, people);
        this.testsOf = new int[t];
        for (int k = 0; k < t; k++) {
            testsOf[tfill[testPerson[k]]++] = k;
        }
        this.notes = List.copyOf(b.notes);
    }

    private void sortByDayAndOther(int person) {
        int from = adjacencyStart[person];
        int to = adjacencyStart[person + 1];
        long[] keys = new long[to - from];
        for (int k = from; k < to; k++) {
            int c = adjacency[k];
            int other = contactA[c] == person ? contactB[c] : contactA[c];
            keys[k - from] = ((long) contactDay[c] << 52) | ((long) other << 24) | (k - from);
        }
        if (to - from >= (1 << 24)) {
            throw new IllegalArgumentException("more than 16 million encounters for one person");
        }
        Arrays.sort(keys);
        int[] sorted = new int[to - from];
        for (int k = 0; k < sorted.length; k++) {
            sorted[k] = adjacency[from + (int) (keys[k] & 0xFFFFFF)];
        }
        System.arraycopy(sorted, 0, adjacency, from, sorted.length);
    }

    /** Number of people (including unresolved references). */
    public int people() {
        return people;
    }

    /** Number of days in the window, day 0 to the as-of day. */
    public int days() {
        return days;
    }

    /** The date of day 0. */
    public LocalDate firstDay() {
        return firstDay;
    }

    /** The as-of date (the last day). */
    public LocalDate asOf() {
        return firstDay.plusDays(days - 1L);
    }

    /** Number of encounters. */
    public int contacts() {
        return contactA.length;
    }

    /** Number of tests. */
    public int tests() {
        return testPerson.length;
    }

    /** A person's pseudonymous id. */
    public String id(int person) {
        return ids[person];
    }

    /** A person's site, or null. */
    public String site(int person) {
        return sites[person];
    }

    /** What the data loading had to say (ignored rows, shared ids, far-away tests). */
    public List<String> notes() {
        return notes;
    }

    /**
     * Σ λ of each pair-day's encounters under {@code p} (in pair-day order). Chains with the same
     * weights share one array (the latest is kept), so two chains do not hold two copies; callers
     * must not change it.
     */
    synchronized double[] pairLambda(CrispParams p) {
        CrispParams last = lambdaParams;
        if (last != null && last.intercept() == p.intercept() && last.durationH() == p.durationH() && last.close() == p.close()
                && last.indoor() == p.indoor()) {
            return lambdaMemo;
        }
        double[] out = new double[pairOther.length];
        int j = -1;
        for (int i = 0; i < people; i++) {
            for (int k = adjacencyStart[i]; k < adjacencyStart[i + 1]; k++) {
                int c = adjacency[k];
                if (k == adjacencyStart[i] || !samePair(i, adjacency[k - 1], c)) {
                    j++;
                }
                out[j] += p.lambda(contactHours[c], contactClose[c], contactIndoor[c]);
            }
        }
        lambdaParams = p;
        lambdaMemo = out;
        return out;
    }

    private boolean samePair(int person, int c1, int c2) {
        return contactDay[c1] == contactDay[c2] && other(c1, person) == other(c2, person);
    }

    /** The other person of encounter {@code c}. */
    int other(int c, int person) {
        return contactA[c] == person ? contactB[c] : contactA[c];
    }

    /** Whether the person has a positive test anywhere in the window. */
    public boolean hasPositiveTest(int person) {
        for (int k = testStart[person]; k < testStart[person + 1]; k++) {
            if (testPositive[testsOf[k]]) {
                return true;
            }
        }
        return false;
    }

    /** Index of the person with this id, or -1. */
    public int indexOf(String id) {
        for (int i = 0; i < people; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Encounter accessors for screens and baselines. */
    public int contactA(int c) {
        return contactA[c];
    }

    public int contactB(int c) {
        return contactB[c];
    }

    public int contactDay(int c) {
        return contactDay[c];
    }

    public double contactHours(int c) {
        return contactHours[c];
    }

    public boolean contactClose(int c) {
        return contactClose[c];
    }

    public boolean contactIndoor(int c) {
        return contactIndoor[c];
    }

    /** The encounters of a person, by day. */
    public int[] contactsOf(int person) {
        return Arrays.copyOfRange(adjacency, adjacencyStart[person], adjacencyStart[person + 1]);
    }

    public int testPerson(int k) {
        return testPerson[k];
    }

    public int testDay(int k) {
        return testDay[k];
    }

    public boolean testPositive(int k) {
        return testPositive[k];
    }

    public Reason testReason(int k) {
        return testReason[k];
    }

    /** Collects people, encounters and tests; not thread-safe. */
    public static final class Builder {
        private final List<String> ids = new ArrayList<>();
        private final List<String> sites = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> notes = new ArrayList<>();
        private int contacts;
        private int[] ca = new int[1024];
        private int[] cb = new int[1024];
        private int[] cday = new int[1024];
        private float[] chours = new float[1024];
        private boolean[] cclose = new boolean[1024];
        private boolean[] cindoor = new boolean[1024];
        private int tests;
        private int[] tperson = new int[64];
        private int[] tday = new int[64];
        private boolean[] tpositive = new boolean[64];
        private Reason[] treason = new Reason[64];

        /** Adds a person (or returns the number of one already added). */
        public int person(String id, String site) {
            Integer i = index.get(id);
            if (i != null) {
                if (site != null && sites.get(i) == null) {
                    sites.set(i, site);
                }
                return i;
            }
            index.put(id, ids.size());
            ids.add(id);
            sites.add(site);
            return ids.size() - 1;
        }

        /** How many people were added. */
        public int size() {
            return ids.size();
        }

        /** The number of a person already added, or -1. */
        public int find(String id) {
            return index.getOrDefault(id, -1);
        }

        /** Adds an encounter between two different people on a day. */
        public void contact(int a, int b, int day, double durationMin, double distanceM, boolean indoor) {
            if (a == b) {
                throw new IllegalArgumentException("a contact needs two different people");
            }
            if (contacts == ca.length) {
                int n = ca.length * 2;
                ca = Arrays.copyOf(ca, n);
                cb = Arrays.copyOf(cb, n);
                cday = Arrays.copyOf(cday, n);
                chours = Arrays.copyOf(chours, n);
                cclose = Arrays.copyOf(cclose, n);
                cindoor = Arrays.copyOf(cindoor, n);
            }
            ca[contacts] = a;
            cb[contacts] = b;
            cday[contacts] = day;
            chours[contacts] = (float) (durationMin / 60.0);
            cclose[contacts] = distanceM < 2;
            cindoor[contacts] = indoor;
            contacts++;
        }

        /** Adds a test. */
        public void test(int person, int day, boolean positive, Reason reason) {
            if (tests == tperson.length) {
                int n = tperson.length * 2;
                tperson = Arrays.copyOf(tperson, n);
                tday = Arrays.copyOf(tday, n);
                tpositive = Arrays.copyOf(tpositive, n);
                treason = Arrays.copyOf(treason, n);
            }
            tperson[tests] = person;
            tday[tests] = day;
            tpositive[tests] = positive;
            treason[tests] = reason;
            tests++;
        }

        /** Records something the analyst should read about the data. */
        public void note(String sentence) {
            notes.add(sentence);
        }

        /** The window's data, day 0 being {@code firstDay}. */
        public CrispData build(int days, LocalDate firstDay) {
            if (days < 1) {
                throw new IllegalArgumentException("the window needs at least one day");
            }
            return new CrispData(this, days, firstDay);
        }
    }
}
