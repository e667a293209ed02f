package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.Fixtures.ORDER_ID;
import static io.haderos.shipping.adapter.rest.Fixtures.SHIP;
import static io.haderos.shipping.adapter.rest.Fixtures.SHIP_REQUEST;
import static io.haderos.shipping.adapter.rest.Fixtures.createdByAramex;
import static io.haderos.shipping.adapter.rest.RestApiExtension.PROBLEM_JSON;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.adapter.rest.RestApiExtension.Reply;
import io.haderos.shipping.application.port.in.LabelNotFoundException;
import io.haderos.shipping.application.port.in.NoCarrierAvailableException;
import io.haderos.shipping.application.port.in.OrderNotFoundException;
import io.haderos.shipping.application.port.in.ShipOrderCommand;
import io.haderos.shipping.application.port.in.ShipOrderResult;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.OrderId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /orders/{order_id}/label}: the labels as one document, one parcel's, cached, or why not. */
class LabelResourceIT {

    @RegisterExtension
    static final RestApiExtension api = new RestApiExtension();

    private static final String LABEL = "/orders/" + ORDER_ID + "/label";
    private static final byte[] ZPL_1 = "^XA^FDAWB 231200000002^FS^XZ".getBytes(US_ASCII);
    private static final byte[] ZPL_2 = "^XA^FDAWB 231200000003^FS^XZ\n".getBytes(US_ASCII);

    @Test
    void givenTwoPdfLabels_whenFetched_thenOnePdfWithBothPagesCacheableForTheClientOnly() throws IOException {
        api.fakes()
                .onLabels(orderId ->
                        shipment(Label.of(1, LabelFormat.PDF, pdf(1)), Label.of(2, LabelFormat.PDF, pdf(1))));

        Reply reply = api.get(LABEL);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo("application/pdf");
        assertThat(reply.header("Content-Disposition")).contains("inline; filename=\"label-ORD-1001.pdf\"");
        assertThat(reply.header("Cache-Control")).contains("private, max-age=86400");
        assertThat(reply.header("ETag"))
                .hasValueSatisfying(etag -> assertThat(etag).matches("\"[0-9a-f]{32}\""));
        try (PDDocument merged = Loader.loadPDF(reply.bytes())) {
            assertThat(merged.getNumberOfPages()).isEqualTo(2);
        }
        assertThat(api.fakes().lastReceived(OrderId.class)).isEqualTo(OrderId.of(ORDER_ID));
    }

    @Test
    void givenZplLabels_whenOneParcelIsAskedFor_thenItsZplAloneAsAZplFile() {
        api.fakes()
                .onLabels(
                        orderId -> shipment(Label.of(1, LabelFormat.ZPL, ZPL_1), Label.of(2, LabelFormat.ZPL, ZPL_2)));

        Reply reply = api.get(LABEL + "?parcel=2");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo("text/plain");
        assertThat(reply.header("Content-Disposition"))
                .contains("attachment; filename=\"label-ORD-1001-parcel-2.zpl\"");
        assertThat(reply.bytes()).isEqualTo(ZPL_2);
    }

    @Test
    void givenZplLabels_whenAllAreAskedFor_thenEveryFormatInParcelOrder() {
        api.fakes()
                .onLabels(
                        orderId -> shipment(Label.of(1, LabelFormat.ZPL, ZPL_1), Label.of(2, LabelFormat.ZPL, ZPL_2)));

        Reply reply = api.get(LABEL);

        assertThat(reply.body()).isEqualTo("^XA^FDAWB 231200000002^FS^XZ\n^XA^FDAWB 231200000003^FS^XZ\n");
    }

    @Test
    void givenTheLabelAlreadyHeld_whenFetchedWithItsETag_then304WithoutABody() {
        api.fakes().onLabels(orderId -> shipment(Label.of(1, LabelFormat.ZPL, ZPL_1)));
        String etag = api.get(LABEL).header("ETag").orElseThrow();

        Reply again = api.send("GET", LABEL, null, null, "If-None-Match", etag);
        Reply other = api.send("GET", LABEL, null, null, "If-None-Match", "\"0123456789abcdef0123456789abcdef\"");

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.bytes()).isEmpty();
        assertThat(again.header("ETag")).contains(etag);
        assertThat(again.header("Cache-Control")).contains("private, max-age=86400");
        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void givenAParcelThatIsNotThere_thenA400NamingParcel() {
        api.fakes().onLabels(orderId -> shipment(Label.of(1, LabelFormat.ZPL, ZPL_1)));

        for (String bad : List.of("0", "-1", "two", "1.5", "2")) {
            Reply reply = api.get(LABEL + "?parcel=" + bad);

            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.mediaType()).isEqualTo(PROBLEM_JSON);
            assertThat(reply.json().at("/errors/0/field").asText()).as(bad).isEqualTo("parcel");
        }
    }

    @Test
    void givenNoLabelAnywhere_thenA404SayingSo() {
        api.fakes().onLabels(orderId -> {
            throw new LabelNotFoundException(orderId, "smsa has no label for 231200000001");
        });

        Reply reply = api.get(LABEL);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.mediaType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.json().get("type").asText()).isEqualTo("https://haderos.io/problems/label-not-found");
        assertThat(reply.json().get("detail").asText()).contains("smsa has no label");
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    @Test
    void givenAnotherClientsOrder_thenA404AsForNoOrder() {
        api.fakes().onLabels(orderId -> {
            throw new OrderNotFoundException(orderId);
        });

        Reply reply = api.get(LABEL);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("type").asText()).isEqualTo("https://haderos.io/problems/shipment-not-found");
    }

    @Test
    void givenTheCarrierUnavailable_thenA503WithRetryAfter() {
        api.fakes().onLabels(orderId -> {
            throw new NoCarrierAvailableException(
                    List.of(new Attempt(CarrierId.ARAMEX, AttemptOutcome.CIRCUIT_OPEN, "circuit open")),
                    Optional.of(Duration.ofSeconds(42)));
        });

        Reply reply = api.get(LABEL);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.mediaType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.header("Retry-After")).contains("42");
    }

    @Test
    void givenAShipRequestForZpl_thenTheCommandAsksForZpl() {
        api.fakes().onShipOrder(command -> new ShipOrderResult(createdByAramex(), false));

        api.postJson(SHIP, SHIP_REQUEST.replaceFirst("\\{", "{\"label_format\":\"zpl\","));
        ShipOrderCommand zpl = api.fakes().lastReceived(ShipOrderCommand.class);
        api.postJson(SHIP, SHIP_REQUEST);
        ShipOrderCommand byDefault = api.fakes().lastReceived(ShipOrderCommand.class);

        assertThat(zpl.labelFormat()).isEqualTo(LabelFormat.ZPL);
        assertThat(byDefault.labelFormat()).isEqualTo(LabelFormat.PDF);
    }

    @Test
    void givenAnUnknownLabelFormat_thenA400NamingLabelFormat() {
        Reply reply = api.postJson(SHIP, SHIP_REQUEST.replaceFirst("\\{", "{\"label_format\":\"png\","));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/errors/0/field").asText()).isEqualTo("label_format");
    }

    private static CreatedShipment shipment(Label... labels) {
        return new CreatedShipment(
                CarrierId.SMSA, "231200000001", List.of("231200000002", "231200000003"), List.of(labels));
    }

    private static byte[] pdf(int pages) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
