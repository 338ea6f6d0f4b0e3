package dev.weft.engine.progress;

/** In-place sorts of parallel primitive arrays, keyed by the first array(s); no allocation. */
final class Sorting {

    private static final int INSERTION_LIMIT = 16;

    private Sorting() {
    }

    /** Sorts {@code keys[0..n)} ascending, moving {@code values} along. */
    static void sort(long[] keys, long[] values, int n) {
        quicksort(keys, values, 0, n - 1);
    }

    private static void quicksort(long[] k, long[] v, int lo, int hi) {
        while (hi - lo >= INSERTION_LIMIT) {
            long pivot = median(k[lo], k[(lo + hi) >>> 1], k[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (k[i] < pivot) {
                    i++;
                }
                while (k[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(k, v, i++, j--);
                }
            }
            if (j - lo < hi - i) {
                quicksort(k, v, lo, j);
                lo = i;
            } else {
                quicksort(k, v, i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            long key = k[i];
            long value = v[i];
            int j = i - 1;
            while (j >= lo && k[j] > key) {
                k[j + 1] = k[j];
                v[j + 1] = v[j];
                j--;
            }
            k[j + 1] = key;
            v[j + 1] = value;
        }
    }

    private static long median(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(long[] k, long[] v, int i, int j) {
        long tk = k[i];
        k[i] = k[j];
        k[j] = tk;
        long tv = v[i];
        v[i] = v[j];
        v[j] = tv;
    }

    /** Sorts {@code [0..n)} by (locations, times) ascending, moving {@code values} along. */
    static void sort(int[] locations, long[] times, long[] values, int n) {
        quicksort(locations, times, values, 0, n - 1);
    }

    private static int compare(int[] l, long[] t, int i, int pl, long pt) {
        int c = Integer.compare(l[i], pl);
        return c != 0 ? c : Long.compare(t[i], pt);
    }

    private static void quicksort(int[] l, long[] t, long[] v, int lo, int hi) {
        while (hi - lo >= INSERTION_LIMIT) {
            int mid = (lo + hi) >>> 1;
            int pl = l[mid];
            long pt = t[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (compare(l, t, i, pl, pt) < 0) {
                    i++;
                }
                while (compare(l, t, j, pl, pt) > 0) {
                    j--;
                }
                if (i <= j) {
                    swap(l, t, v, i++, j--);
                }
            }
            if (j - lo < hi - i) {
                quicksort(l, t, v, lo, j);
                lo = i;
            } else {
                quicksort(l, t, v, i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            int j = i;
            while (j > lo && compare(l, t, j - 1, l[j], t[j]) > 0) {
                swap(l, t, v, j - 1, j);
                j--;
            }
        }
    }

    private static void swap(int[] l, long[] t, long[] v, int i, int j) {
        int tl = l[i];
        l[i] = l[j];
        l[j] = tl;
        long tt = t[i];
        t[i] = t[j];
        t[j] = tt;
        long tv = v[i];
        v[i] = v[j];
        v[j] = tv;
    }
}
