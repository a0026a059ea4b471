package org.therapysim.model;

/**
 * Which therapists of one network status have a free slot, as a Fenwick tree over therapist
 * indices: counting and choosing the k-th free therapist (in index order) take O(log n), so
 * matching stays fast with thousands of therapists.
 */
final class FreeSlots {
    private final int[] tree;
    private final boolean[] free;
    private int count;

    FreeSlots(final int size) {
        this.tree = new int[size + 1];
        this.free = new boolean[size];
    }

    int count() {
        return count;
    }

    boolean isFree(final int index) {
        return free[index];
    }

    void set(final int index, final boolean isFree) {
        if (free[index] == isFree) {
            return;
        }
        free[index] = isFree;
        final int delta = isFree ? 1 : -1;
        count += delta;
        for (int i = index + 1; i < tree.length; i += i & -i) {
            tree[i] += delta;
        }
    }

    /** @return how many free entries have an index below {@code index} */
    int rank(final int index) {
        int sum = 0;
        for (int i = index; i > 0; i -= i & -i) {
            sum += tree[i];
        }
        return sum;
    }

    /** @return the index of the k-th free entry (0-based, in index order) */
    int select(final int k) {
        if (k < 0 || k >= count) {
            throw new IllegalArgumentException("no free entry " + k + " of " + count);
        }
        int position = 0;
        int remaining = k + 1;
        for (int step = Integer.highestOneBit(tree.length - 1); step > 0; step >>= 1) {
            final int next = position + step;
            if (next < tree.length && tree[next] < remaining) {
                position = next;
                remaining -= tree[next];
            }
        }
        return position;
    }
}
