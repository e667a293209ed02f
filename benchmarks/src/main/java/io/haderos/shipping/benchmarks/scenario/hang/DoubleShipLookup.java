package io.haderos.shipping.benchmarks.scenario.hang;

import io.haderos.shipping.benchmarks.process.Http;
import io.haderos.shipping.benchmarks.process.SandboxControl;
import io.haderos.shipping.benchmarks.process.SandboxProcess;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Looks for orders that reached both carriers: asks the SMSA stand-in for each held or Aramex-created order by its
 * reference ({@code GET /api/track/reference/{order_id}}, which answers an empty list for an order it does not
 * know), and compares the stand-in's count of created shipments with
 * the ships the gateway says SMSA created. A stand-in without the reference look-up (404 even for an order SMSA
 * created) leaves only the count.
 */
final class DoubleShipLookup {

    private static final int PARALLEL_LOOKUPS = 16;
    private static final int EXAMPLES = 5;

    private final SandboxControl sandbox;

    DoubleShipLookup(SandboxControl sandbox) {
        this.sandbox = sandbox;
    }

    DoubleShipCheck check(List<ShipResult> ships) throws InterruptedException {
        long smsaServed = ships.stream()
                .filter(ship -> ship.outcome() == ShipResult.Outcome.SMSA)
                .count();
        OptionalLong smsaCreated = sandbox.stats("smsa")
                .map(stats -> OptionalLong.of(stats.shipmentsCreated()))
                .orElse(OptionalLong.empty());
        Optional<URI> smsa = sandbox.baseUrl("smsa");
        Optional<ShipResult> knownAtSmsa = ships.stream()
                .filter(ship -> ship.outcome() == ShipResult.Outcome.SMSA)
                .findFirst();
        boolean available = smsa.isPresent()
                && knownAtSmsa.isPresent()
                && knownAt(smsa.get(), knownAtSmsa.get().orderId());
        if (!available) {
            return new DoubleShipCheck(false, 0, 0, smsaCreated, smsaServed, List.of());
        }
        List<String> suspects = ships.stream()
                .filter(ship ->
                        ship.outcome() == ShipResult.Outcome.HELD || ship.outcome() == ShipResult.Outcome.ARAMEX)
                .map(ShipResult::orderId)
                .toList();
        List<String> atBoth = foundAtSmsa(smsa.get(), suspects);
        return new DoubleShipCheck(
                true,
                suspects.size(),
                atBoth.size(),
                smsaCreated,
                smsaServed,
                atBoth.subList(0, Math.min(EXAMPLES, atBoth.size())));
    }

    private static List<String> foundAtSmsa(URI smsa, List<String> orderIds) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_LOOKUPS);
        try {
            List<Future<Boolean>> lookups = new ArrayList<>();
            for (String orderId : orderIds) {
                lookups.add(pool.submit(() -> knownAt(smsa, orderId)));
            }
            List<String> found = new ArrayList<>();
            for (int i = 0; i < orderIds.size(); i++) {
                try {
                    if (lookups.get(i).get()) {
                        found.add(orderIds.get(i));
                    }
                } catch (ExecutionException e) {
                    // an unanswered look-up proves nothing either way
                }
            }
            return found;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether SMSA knows a shipment for the order: the look-up answers 200 with a non-empty list (or an object). */
    private static boolean knownAt(URI smsa, String orderId) {
        Http.Answer answer =
                Http.get(smsa.resolve("api/track/reference/" + orderId), "apikey", SandboxProcess.SMSA_API_KEY);
        String body = answer.body() == null ? "" : answer.body().strip();
        return answer.status() == 200
                && !body.isEmpty()
                && !body.replaceAll("\\s", "").equals("[]");
    }
}
