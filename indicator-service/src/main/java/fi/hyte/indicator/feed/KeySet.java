package fi.hyte.indicator.feed;

import java.nio.charset.StandardCharsets;

/**
 * The value keys a feed has named so far, to reject a second row for the same key. Kept as 64-bit hashes in
 * an open-addressing table of primitives: about 16 bytes per row, so even a million-row feed costs some
 * 16 MB rather than the hundred-odd of a set of strings. Two keys sharing a 64-bit hash (odds about
 * 1 in 10^7 for a million keys) would make the second row rejected as a duplicate; nothing is ever
 * overwritten by it.
 */
final class KeySet {

    private long[] slots = new long[1024];
    private boolean zeroSeen;
    private int size;

    /** Adds the key; false if it was already there. */
    boolean add(String key) {
        return add(hash(key));
    }

    private boolean add(long hash) {
        if (hash == 0) {
            boolean added = !zeroSeen;
            zeroSeen = true;
            size += added ? 1 : 0;
            return added;
        }
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = (int) mix(hash) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == 0) {
                slots[i] = hash;
                size++;
                return true;
            }
            if (slots[i] == hash) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long hash : old) {
            if (hash != 0) {
                int i = (int) mix(hash) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = hash;
            }
        }
    }

    /** FNV-1a, 64 bits, over the key's UTF-8 bytes. */
    static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static long mix(long hash) {
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }
}
