package io.haderos.shipping.bootstrap;

import static io.haderos.shipping.bootstrap.GatewayIT.QUOTE;
import static io.haderos.shipping.bootstrap.GatewayIT.RATES;
import static io.haderos.shipping.bootstrap.GatewayIT.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.sandbox.Sandbox;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two gateway processes on different ports share one PostgreSQL database and one carrier: an order that
 * reaches both at once is shipped exactly once, and both read one audit trail.
 */
class SharedDatabaseIT {

    private static final int REQUESTS = 40;

    @Test
    void fortyConcurrentShipsOfOneOrderAcrossTwoInstancesCreateExactlyOneShipment() throws Exception {
        String databaseUrl = TestPostgres.freshSchemaUrl();
        try (Sandbox carriers = SandboxCarriers.start()) {
            Map<String, String> env = SandboxCarriers.realCredentials(carriers, databaseUrl);
            try (GatewayProcess first = GatewayProcess.start(
                            "shared-a", SandboxCarriers.named(env, "alpha"), carriers.controlUri());
                    GatewayProcess second = GatewayProcess.start(
                            "shared-b", SandboxCarriers.named(env, "beta"), carriers.controlUri())) {
                int createdBefore =
                        first.stats("aramex").path("shipments_created").asInt();

                List<HttpResponse<String>> responses = shipConcurrently(first, second, "/orders/SHARED-1/ship");

                List<Integer> statuses =
                        responses.stream().map(HttpResponse::statusCode).toList();
                assertThat(statuses)
                        .as("201 once, then replays (200) or in-flight refusals (409)")
                        .isSubsetOf(201, 200, 409);
                assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
                List<String> trackings = new ArrayList<>();
                for (HttpResponse<String> response : responses) {
                    if (response.statusCode() < 300) {
                        trackings.add(first.json(response).path("tracking").asText());
                    }
                }
                assertThat(trackings).isNotEmpty().containsOnly(trackings.get(0));
                assertThat(first.stats("aramex").path("shipments_created").asInt() - createdBefore)
                        .as("shipments the carrier created")
                        .isEqualTo(1);
                assertThat(first.json(second.get("/orders/SHARED-1/shipment"))
                                .path("tracking")
                                .asText())
                        .isEqualTo(trackings.get(0));
                assertThat(second.json(second.post("/orders/SHARED-1/ship", shipment(1.0)))
                                .path("tracking")
                                .asText())
                        .isEqualTo(trackings.get(0));

                // One instance's breaker opens; the other reads it from the shared audit trail.
                first.fault("aramex", "down");
                for (int i = 0; i < 3; i++) {
                    first.post(RATES, QUOTE);
                }
                JsonNode cluster = awaitCluster(second, "alpha");
                assertThat(cluster.path("instances").findValuesAsText("instance_id"))
                        .anySatisfy(id -> assertThat(id).startsWith("alpha-"));
            }
        }
    }

    private static List<HttpResponse<String>> shipConcurrently(GatewayProcess first, GatewayProcess second, String path)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                GatewayProcess gateway = i % 2 == 0 ? first : second;
                Callable<HttpResponse<String>> ship = () -> {
                    start.await();
                    return gateway.post(path, shipment(1.0));
                };
                futures.add(pool.submit(ship));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonNode awaitCluster(GatewayProcess reader, String instanceName) throws Exception {
        JsonNode[] cluster = new JsonNode[1];
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> {
                    cluster[0] = reader.json(reader.get("/api/v1/integrations/monitoring/cluster"));
                    return cluster[0].path("instances").findValuesAsText("instance_id").stream()
                            .anyMatch(id -> id.startsWith(instanceName + "-"));
                });
        return cluster[0];
    }
}
