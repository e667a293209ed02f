package io.haderos.shipping.bootstrap;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.sandbox.Sandbox;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Labels against the jar and the sandbox's stand-ins: shipped through Aramex and, with Aramex down, through SMSA;
 * each label fetched and read as what it says it is (PDFBox parses the PDF, ZPL has its {@code ^XA … ^XZ} formats);
 * printed again while both carriers are down, and again after a restart on the same database.
 */
class LabelsIT {

    private static final Pattern ZPL_FORMAT = Pattern.compile("\\^XA(.*?)\\^XZ", Pattern.DOTALL);

    private static String twoParcels(String labelFormat) {
        return """
                {"consignee":{"name":"Sara Ahmed","phone":"+966551112233","email":"sara@example.com",
                   "address":{"country":"SA","city":"Jeddah","line1":"Building 7, Al Olaya St","postal_code":"23434"}},
                 "parcels":[{"weight_kg":1.2},{"weight_kg":0.8}],"description":"Cotton T-shirts",
                 "declared_value":{"amount":"250.00","currency":"SAR"}%s}
                """.formatted(labelFormat == null ? "" : ",\"label_format\":\"" + labelFormat + "\"");
    }

    @Test
    void labelsFromBothCarriersAreServedPrintedAgainWhileTheyAreDownAndAfterARestart() throws Exception {
        String h2File = GatewayProcess.freshH2File("labels");
        try (Sandbox carriers = SandboxCarriers.start()) {
            Map<String, String> env = SandboxCarriers.realCredentials(carriers, "jdbc:h2:file:" + h2File);
            byte[] aramexPdf;
            byte[] smsaZpl;
            String smsaEtag;
            try (GatewayProcess gateway = GatewayProcess.start("labels-1", env, carriers.controlUri())) {
                // Aramex: one PDF for the shipment, a page per parcel, given as a link and fetched by the gateway.
                JsonNode byAramex = shipped(gateway, "LBL-ARAMEX", twoParcels(null));
                assertThat(byAramex.path("provider").asText()).isEqualTo("aramex");
                assertThat(byAramex.path("label_url").asText()).isEqualTo("/orders/LBL-ARAMEX/label");
                assertThat(byAramex.path("label_format").asText()).isEqualTo("pdf");
                assertThat(byAramex.path("labels").toString())
                        .isEqualTo("[{\"parcel\":1,\"format\":\"pdf\",\"url\":\"/orders/LBL-ARAMEX/label?parcel=1\"}]");
                aramexPdf = label(gateway, "/orders/LBL-ARAMEX/label", "application/pdf");
                assertThat(pdfPages(aramexPdf, byAramex.path("tracking").asText()))
                        .isEqualTo(2);

                // ZPL asked of Aramex: its JSON API makes PDF, and the response says so.
                JsonNode zplAtAramex = shipped(gateway, "LBL-ARAMEX-ZPL", twoParcels("zpl"));
                assertThat(zplAtAramex.path("provider").asText()).isEqualTo("aramex");
                assertThat(zplAtAramex.path("label_format").asText()).isEqualTo("pdf");
                assertThat(zplAtAramex.path("labels").get(0).path("format").asText())
                        .isEqualTo("pdf");
                label(gateway, "/orders/LBL-ARAMEX-ZPL/label", "application/pdf");

                // Aramex down: SMSA takes the shipment and makes the ZPL asked for, one label per parcel.
                gateway.fault("aramex", "down");
                JsonNode bySmsa = shipped(gateway, "LBL-SMSA", twoParcels("zpl"));
                assertThat(bySmsa.path("provider").asText()).isEqualTo("smsa");
                assertThat(bySmsa.path("fallback").asBoolean()).isTrue();
                assertThat(bySmsa.path("label_format").asText()).isEqualTo("zpl");
                assertThat(bySmsa.path("labels")).hasSize(2);
                assertThat(bySmsa.path("labels").get(1).path("url").asText())
                        .isEqualTo("/orders/LBL-SMSA/label?parcel=2");
                HttpResponse<byte[]> zpl = gateway.getBytes("/orders/LBL-SMSA/label");
                assertThat(zpl.statusCode()).isEqualTo(200);
                assertThat(zpl.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
                assertThat(zpl.headers().firstValue("Content-Disposition"))
                        .contains("attachment; filename=\"label-LBL-SMSA.zpl\"");
                smsaZpl = zpl.body();
                List<String> parcels = List.of(
                        bySmsa.path("parcel_tracking").get(0).asText(),
                        bySmsa.path("parcel_tracking").get(1).asText());
                assertThat(zplFormats(smsaZpl)).hasSize(2);
                assertThat(zplFormats(smsaZpl).get(0)).contains(parcels.get(0));
                assertThat(zplFormats(smsaZpl).get(1)).contains(parcels.get(1));
                byte[] second = label(gateway, "/orders/LBL-SMSA/label?parcel=2", "text/plain");
                assertThat(zplFormats(second)).singleElement().asString().contains(parcels.get(1));
                smsaEtag = zpl.headers().firstValue("ETag").orElseThrow();

                // SMSA's default is PDF: one page per parcel, merged into one document.
                JsonNode smsaPdf = shipped(gateway, "LBL-SMSA-PDF", twoParcels(null));
                assertThat(smsaPdf.path("provider").asText()).isEqualTo("smsa");
                assertThat(pdfPages(
                                label(gateway, "/orders/LBL-SMSA-PDF/label", "application/pdf"),
                                smsaPdf.path("parcel_tracking").get(1).asText()))
                        .isEqualTo(2);

                // Both carriers down, Aramex's breaker open: the stored labels are printed again all the same.
                gateway.fault("smsa", "down");
                for (int i = 0; i < 3; i++) {
                    gateway.post(GatewayIT.RATES, GatewayIT.QUOTE);
                }
                assertThat(gateway.breaker("aramex").path("state").asText()).isEqualTo("open");
                assertThat(label(gateway, "/orders/LBL-ARAMEX/label", "application/pdf"))
                        .isEqualTo(aramexPdf);
                assertThat(label(gateway, "/orders/LBL-SMSA/label", "text/plain"))
                        .isEqualTo(smsaZpl);
                HttpResponse<byte[]> unchanged = gateway.getBytes("/orders/LBL-SMSA/label", "If-None-Match", smsaEtag);
                assertThat(unchanged.statusCode()).isEqualTo(304);
                assertThat(gateway.get("/orders/LBL-NONE/label").statusCode()).isEqualTo(404);
                assertThat(gateway.get("/orders/LBL-SMSA/label?parcel=3").statusCode())
                        .isEqualTo(400);
            }

            // A restart on the same database, carriers still down: the labels are still there.
            try (GatewayProcess restarted = GatewayProcess.start("labels-2", env, carriers.controlUri())) {
                assertThat(label(restarted, "/orders/LBL-ARAMEX/label", "application/pdf"))
                        .isEqualTo(aramexPdf);
                HttpResponse<byte[]> zpl = restarted.getBytes("/orders/LBL-SMSA/label");
                assertThat(zpl.body()).isEqualTo(smsaZpl);
                assertThat(zpl.headers().firstValue("ETag")).contains(smsaEtag);
                assertThat(zpl.headers().firstValue("Cache-Control")).contains("private, max-age=86400");
            }
        }
    }

    private static JsonNode shipped(GatewayProcess gateway, String orderId, String body) throws IOException {
        HttpResponse<String> response = gateway.post("/orders/" + orderId + "/ship", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return gateway.json(response);
    }

    /**
     * The label at {@code path} once the gateway has it (an Aramex label is fetched right after the shipment, so the
     * first answer may come from that fetch or from the store).
     */
    private static byte[] label(GatewayProcess gateway, String path, String mediaType) {
        byte[][] body = new byte[1][];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    HttpResponse<byte[]> response = gateway.getBytes(path);
                    assertThat(response.statusCode())
                            .as(new String(response.body(), US_ASCII))
                            .isEqualTo(200);
                    assertThat(response.headers().firstValue("Content-Type"))
                            .hasValueSatisfying(type -> assertThat(type).startsWith(mediaType));
                    body[0] = response.body();
                });
        return body[0];
    }

    /** The number of pages, once PDFBox has parsed the document and found {@code expectedText} in it. */
    private static int pdfPages(byte[] pdf, String expectedText) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains(expectedText);
            return document.getNumberOfPages();
        }
    }

    private static List<String> zplFormats(byte[] zpl) {
        String text = new String(zpl, US_ASCII);
        assertThat(text.strip()).startsWith("^XA").endsWith("^XZ");
        Matcher formats = ZPL_FORMAT.matcher(text);
        return formats.results().map(result -> result.group(1)).toList();
    }
}
