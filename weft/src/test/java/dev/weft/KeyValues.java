package dev.weft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reading a keyed operator's output, whose order is promised within a key but not across keys. */
final class KeyValues {

    private KeyValues() {
    }

    /** Each key's values, in the order they were emitted, by key in sorted order. */
    static <K extends Comparable<K>, V> Map<K, List<V>> byKey(List<KeyValue<K, V>> items) {
        Map<K, List<V>> out = new TreeMap<>();
        for (KeyValue<K, V> kv : items) {
            out.computeIfAbsent(kv.key(), k -> new ArrayList<>()).add(kv.value());
        }
        return out;
    }
}
