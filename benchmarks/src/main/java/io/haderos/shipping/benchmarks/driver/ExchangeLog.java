package io.haderos.shipping.benchmarks.driver;

import java.util.ArrayList;
import java.util.List;

/** A thread-safe list of exchanges, the usual sink of an {@link OpenLoop}. */
public final class ExchangeLog {

    private final List<Exchange> exchanges = new ArrayList<>();

    /** Adds one exchange. */
    public synchronized void add(Exchange exchange) {
        exchanges.add(exchange);
    }

    /** A copy of everything added so far. */
    public synchronized List<Exchange> all() {
        return List.copyOf(exchanges);
    }

    /** A copy of the exchanges of {@code stream}. */
    public synchronized List<Exchange> of(String stream) {
        return exchanges.stream().filter(e -> e.stream().equals(stream)).toList();
    }
}
