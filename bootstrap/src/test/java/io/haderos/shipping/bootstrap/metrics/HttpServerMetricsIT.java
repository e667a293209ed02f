package io.haderos.shipping.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code http_server_requests_seconds} on a real Jersey application: the {@code uri} tag is the route template.
 *
 * <p>Jersey reports a request FINISHED after the response is on its way, so a scrape right after a response
 * may not show it yet: assertions wait for it (briefly).
 */
class HttpServerMetricsIT {

    private static GatewayMetrics metrics;
    private static MetricsTestServer server;

    @BeforeAll
    static void start() {
        metrics = GatewayMetrics.create(List.of());
        server = MetricsTestServer.start(metrics, OrdersResource.class, ParcelsResource.class);
    }

    @AfterAll
    static void stop() {
        server.close();
        metrics.close();
    }

    @Test
    void givenARouteWithAPathParameter_whenItIsCalled_thenUriIsTheRouteTemplateNotThePath() {
        assertThat(server.send("POST", "/orders/A-1001/ship").statusCode()).isEqualTo(201);
        assertThat(server.send("POST", "/orders/A-1002/ship").statusCode()).isEqualTo(201);

        awaitLine("http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"201\","
                + "uri=\"/orders/{order_id}/ship\"} 2");
        assertThat(metrics.scrape())
                .contains("http_server_requests_seconds_bucket{method=\"POST\",outcome=\"SUCCESS\",status=\"201\","
                        + "uri=\"/orders/{order_id}/ship\",le=\"+Inf\"} 2")
                .doesNotContain("A-1001", "A-1002");
    }

    @Test
    void givenAMatchedRoute_whenItAnswers404_thenItKeepsItsTemplate() {
        assertThat(server.send("GET", "/orders/unknown-order/shipment").statusCode())
                .isEqualTo(404);

        awaitLine("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\","
                + "uri=\"/orders/{order_id}/shipment\"} 1");
    }

    @Test
    void givenNoMatchingRoute_whenRequested_thenUriIsNotFound() {
        assertThat(server.send("GET", "/no/such/path/42").statusCode()).isEqualTo(404);
        assertThat(server.send("GET", "/orders/B-7/no-such-action").statusCode())
                .isEqualTo(404);

        awaitLine("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\","
                + "uri=\"NOT_FOUND\"} 2");
        assertThat(metrics.scrape()).doesNotContain("/no/such/path", "no-such-action");
    }

    @Test
    void givenAnUnmappedException_whenTheContainerAnswers500_thenStatusAndOutcomeSaySo() {
        assertThat(server.send("GET", "/orders/C-3/broken").statusCode()).isEqualTo(500);

        awaitLine("http_server_requests_seconds_count{method=\"GET\",outcome=\"SERVER_ERROR\",status=\"500\","
                + "uri=\"/orders/{order_id}/broken\"} 1");
    }

    @Test
    void givenAMethodTheRouteDoesNotAllow_whenRequested_thenItIsCountedAs405() {
        assertThat(server.send("DELETE", "/orders/D-4/ship").statusCode()).isEqualTo(405);

        awaitLine("http_server_requests_seconds_count{method=\"DELETE\",outcome=\"CLIENT_ERROR\",status=\"405\","
                + "uri=\"UNKNOWN\"} 1");
    }

    @Test
    void givenATemplateWithARegex_whenItIsCalled_thenUriShowsOnlyTheVariableName() {
        assertThat(server.send("GET", "/parcels/123456").statusCode()).isEqualTo(200);

        awaitLine("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                + "uri=\"/parcels/{parcel_id}\"} 1");
    }

    private static void awaitLine(String line) {
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(metrics.scrape()).contains(line + "\n"));
    }

    /** Stands in for the REST API: a class template with a parameter and method sub-paths. */
    @Path("/orders/{order_id}")
    public static final class OrdersResource {

        @POST
        @Path("ship")
        public Response ship(@PathParam("order_id") String orderId) {
            return Response.status(201).build();
        }

        @GET
        @Path("shipment")
        public Response shipment(@PathParam("order_id") String orderId) {
            return Response.status(404).build();
        }

        @GET
        @Path("broken")
        public String broken(@PathParam("order_id") String orderId) {
            throw new IllegalStateException("a bug that no exception mapper handles");
        }
    }

    @Path("/parcels/{parcel_id: [0-9]{1,6}}")
    public static final class ParcelsResource {

        @GET
        public String parcel(@PathParam("parcel_id") String parcelId) {
            return "parcel " + parcelId;
        }
    }
}
