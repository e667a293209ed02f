package io.haderos.shipping.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The last shipments a stand-in created, found by any of their keys (waybill numbers, label
 * tokens). Bounded: when one more than {@code capacity} is added, the oldest is forgotten with all
 * its keys, and the stand-in answers for it as for a number it never issued. Thread-safe.
 *
 * @param <T> what is remembered of a shipment
 */
final class RecentShipments<T> {

    /** How many shipments each stand-in remembers. */
    static final int CAPACITY = 10_000;

    private final int capacity;
    private final ArrayDeque<Entry<T>> order = new ArrayDeque<>(); // oldest first; guarded by this
    private final Map<String, Entry<T>> byKey = new HashMap<>(); // guarded by this

    private record Entry<T>(T shipment, List<String> keys) {}

    RecentShipments(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** Remembers a shipment under its keys, forgetting the oldest one if there are too many. */
    synchronized void add(T shipment, List<String> keys) {
        Entry<T> entry = new Entry<>(shipment, List.copyOf(keys));
        order.addLast(entry);
        entry.keys().forEach(key -> byKey.put(key, entry));
        if (order.size() > capacity) {
            Entry<T> oldest = order.removeFirst();
            oldest.keys().forEach(key -> byKey.remove(key, oldest));
        }
    }

    synchronized Optional<T> find(String key) {
        Entry<T> entry = byKey.get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.shipment());
    }

    /** The remembered shipments that match, oldest first. */
    synchronized List<T> matching(Predicate<? super T> filter) {
        List<T> matches = new ArrayList<>();
        for (Entry<T> entry : order) {
            if (filter.test(entry.shipment())) {
                matches.add(entry.shipment());
            }
        }
        return matches;
    }

    synchronized int size() {
        return order.size();
    }
}
