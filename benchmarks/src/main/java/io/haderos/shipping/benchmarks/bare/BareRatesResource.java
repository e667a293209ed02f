package io.haderos.shipping.benchmarks.bare;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haderos.shipping.benchmarks.scenario.Requests;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@code POST /api/v1/integrations/shipping/rates}: one asynchronous CalculateRate call, its body passed back. */
@Path(BareRatesResource.PATH)
public final class BareRatesResource {

    /** The same path as the gateway's. */
    public static final String PATH = "/api/v1/integrations/shipping/rates";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode TEMPLATE = template();

    private final HttpClient client;
    private final URI calculateRate;
    private final Duration timeout;

    BareRatesResource(HttpClient client, URI aramexBaseUrl, Duration timeout) {
        this.client = client;
        this.calculateRate = aramexBaseUrl.resolve(Requests.ARAMEX_CALCULATE_RATE_PATH);
        this.timeout = timeout;
    }

    /** The subset of the gateway's rates request this endpoint reads. */
    record Place(String country, String city) {}

    /** {@code {"origin":{…},"destination":{…},"weight_kg":1.5}}. */
    record RatesBody(
            Place origin,
            Place destination,
            @JsonProperty("weight_kg") BigDecimal weightKg) {}

    /** Builds the carrier's request from the body, sends it, and resumes with the carrier's answer. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public void quote(RatesBody body, @Suspended AsyncResponse response) throws JsonProcessingException {
        HttpRequest request = HttpRequest.newBuilder(calculateRate)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(carrierRequest(body))))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((answer, failure) -> {
            if (failure != null) {
                response.resume(Response.status(502).build());
            } else {
                response.resume(Response.status(answer.statusCode())
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(answer.body())
                        .build());
            }
        });
    }

    private static ObjectNode carrierRequest(RatesBody body) {
        ObjectNode request = TEMPLATE.deepCopy();
        place((ObjectNode) request.get("OriginAddress"), body.origin());
        place((ObjectNode) request.get("DestinationAddress"), body.destination());
        ((ObjectNode) request.get("ShipmentDetails").get("ActualWeight")).put("Value", body.weightKg());
        ((ObjectNode) request.get("ShipmentDetails"))
                .put("GoodsOriginCountry", body.origin().country());
        return request;
    }

    private static void place(ObjectNode address, Place place) {
        address.put("City", place.city());
        address.put("CountryCode", place.country());
    }

    private static ObjectNode template() {
        try {
            return (ObjectNode) JSON.readTree(Requests.ARAMEX_CALCULATE_RATE_BODY);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the CalculateRate template is not JSON", e);
        }
    }
}
