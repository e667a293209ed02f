package io.haderos.shipping.bootstrap;

import static io.haderos.shipping.bootstrap.GatewayIT.QUOTE;
import static io.haderos.shipping.bootstrap.GatewayIT.RATES;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile bytes on a raw socket to the real jar (docs/architecture.md#the-edge-of-http): broken request lines, raw
 * NUL and non-ASCII bytes, odd methods and protocols, oversized lines, headers and bodies, contradictory lengths, a
 * TLS handshake on the plain port. Every answer is a 4xx {@code application/problem+json} that names neither the
 * server nor its version, with {@code nosniff}, or the connection is closed; none is left waiting; and the gateway
 * serves normally afterwards. The socket's read timeout only detects a hang; it is never the assertion.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsIT {

    /** Far longer than any answer takes; reaching it means the gateway left the client hanging. */
    private static final int HANG_MILLIS = 20_000;

    private static final String RATES_POST =
            "POST " + RATES + " HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\nConnection: close\r\n";

    @AutoClose
    private GatewayProcess gateway;

    @BeforeAll
    void start() throws IOException {
        gateway = GatewayProcess.start("hostile", Map.of());
    }

    static Stream<Arguments> hostileRequests() {
        List<Arguments> cases = new ArrayList<>();
        add(cases, "raw NUL in the path", 400, bytes("GET /health/\u0000live HTTP/1.1\r\nHost: gw\r\n\r\n"));
        add(
                cases,
                "unencoded UTF-8 in the path",
                400,
                utf8("GET /orders/\u00e9t\u00e9/shipment HTTP/1.1\r\nHost: gw\r\n\r\n"));
        add(cases, "raw byte 0xFF in the query", 400, bytes("GET /health/live?a=\u00ff HTTP/1.1\r\nHost: gw\r\n\r\n"));
        add(cases, "DEL in the path", 400, bytes("GET /health/\u007flive HTTP/1.1\r\nHost: gw\r\n\r\n"));
        add(cases, "tab inside the path", 400, bytes("GET /health/\tlive HTTP/1.1\r\nHost: gw\r\n\r\n"));
        add(cases, "NUL in a header value", 400, getLive("X-A: a\u0000b\r\n"));
        add(cases, "escape character in a header", 400, getLive("X-A: \u001b[31m\r\n"));
        add(cases, "no Host in HTTP/1.1", 400, bytes("GET /health/live HTTP/1.1\r\n\r\n"));
        add(cases, "HTTP/0.9 request line", 400, bytes("GET /health/live\r\n\r\n"));
        add(cases, "HTTP/2.0 in text", 400, bytes("GET /health/live HTTP/2.0\r\nHost: gw\r\n\r\n"));
        add(cases, "HTTP/3", 400, bytes("GET /health/live HTTP/3\r\nHost: gw\r\n\r\n"));
        add(cases, "HTTP/1.1 with junk", 400, bytes("GET /health/live HTTP/1.1x\r\nHost: gw\r\n\r\n"));
        add(cases, "CONNECT", 405, bytes("CONNECT gw:443 HTTP/1.1\r\nHost: gw:443\r\n\r\n"));
        add(cases, "TRACE", 405, bytes("TRACE / HTTP/1.1\r\nHost: gw\r\n\r\n"));
        add(cases, "an invented method", 405, bytes("BREW /health/live HTTP/1.1\r\nHost: gw\r\n\r\n"));
        add(cases, "a lower-case method", 405, bytes("get /health/live HTTP/1.1\r\nHost: gw\r\n\r\n"));
        add(cases, "DELETE", 405, bytes("DELETE /orders/ORD-1/shipment HTTP/1.1\r\nHost: gw\r\n\r\n"));
        add(
                cases,
                "PATCH",
                405,
                bytes("PATCH /orders/ORD-1/shipment HTTP/1.1\r\nHost: gw\r\nContent-Length: 2\r\n\r\n{}"));
        add(cases, "HTTP/2 connection preface", 405, bytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
        add(cases, "a 20 KB path", 414, bytes("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: gw\r\n\r\n"));
        add(cases, "a 20 KB header", 431, getLive("X-Big: " + "b".repeat(20_000) + "\r\n"));
        add(cases, "150 headers", 431, getLive("X-H: v\r\n".repeat(150)));
        add(cases, "Content-Length not a number", 400, bytes(RATES_POST + "Content-Length: abc\r\n\r\n{}"));
        add(cases, "Content-Length negative", 400, bytes(RATES_POST + "Content-Length: -5\r\n\r\n{}"));
        add(
                cases,
                "Content-Length beyond a long",
                400,
                bytes(RATES_POST + "Content-Length: 99999999999999999999\r\n\r\n"));
        add(
                cases,
                "two different Content-Lengths",
                400,
                bytes(RATES_POST + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"));
        add(
                cases,
                "Content-Length beside chunked",
                400,
                bytes(RATES_POST + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"));
        add(cases, "an unknown Transfer-Encoding", 400, bytes(RATES_POST + "Transfer-Encoding: gzip\r\n\r\nabc"));
        add(
                cases,
                "a GET with a body",
                400,
                bytes("GET /health/live HTTP/1.1\r\nHost: gw\r\nContent-Length: 3\r\n\r\nabc"));
        add(
                cases,
                "a declared 5 MB body",
                413,
                bytes(RATES_POST + "Content-Length: 5000000\r\n\r\n" + "{\"x\":\"" + "a".repeat(60_000)));
        add(
                cases,
                "a declared 5 MB body with Expect: 100-continue",
                413,
                bytes(RATES_POST + "Content-Length: 5000000\r\nExpect: 100-continue\r\n\r\n"));
        add(
                cases,
                "a 400 KB chunked body",
                413,
                bytes(RATES_POST + "Transfer-Encoding: chunked\r\n\r\n" + chunk("{\"description\":\"")
                        + (chunk("d".repeat(65_536))).repeat(6) + "0\r\n\r\n"));
        add(
                cases,
                "a 300 KB body",
                413,
                bytes(RATES_POST + "Content-Length: " + (300 * 1024 + 18) + "\r\n\r\n{\"description\":\""
                        + "d".repeat(300 * 1024) + "\"}"));
        add(
                cases,
                "a charset that is not UTF-8",
                415,
                bytes("POST " + RATES
                        + " HTTP/1.1\r\nHost: gw\r\nConnection: close\r\nContent-Type: application/json; charset=x-bogus\r\n"
                        + "Content-Length: "
                        + QUOTE.length() + "\r\n\r\n" + QUOTE));
        add(
                cases,
                "matrix parameters in an order id",
                400,
                bytes("GET /orders/ORD;x=1/shipment HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n"));
        add(
                cases,
                "an encoded ';' in an order id",
                400,
                bytes(
                        "POST /orders/a%3Bb/ship HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"));
        add(
                cases,
                "matrix parameters on a provider",
                400,
                bytes("GET /api/v1/shipments/aramex;v=2/123 HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n"));
        add(cases, "an amount with an exponent", 400, shipDeclaring("ORD-H1", "2.5e2"));
        add(cases, "an amount with a sign", 400, shipDeclaring("ORD-H2", "+250"));
        add(cases, "an amount with a space", 400, shipDeclaring("ORD-H3", " 250"));
        add(cases, "a TLS handshake on the plain port", 400, new byte[] {
            0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03, 0x00, 0x00, 0x00
        });
        add(cases, "binary noise", 400, new byte[] {0x00, 0x01, 0x02, (byte) 0xff, (byte) 0xfe, 0x7f});
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostileRequests")
    void givenAHostileRequest_thenA4xxProblemOrAClosedConnection_neverAHang(String name, int status, byte[] request)
            throws IOException {
        Answer answer = exchange(request);

        assertThat(answer.hung())
                .as(name + " left the client waiting: " + answer)
                .isFalse();
        if (answer.text().isEmpty()) {
            assertThat(answer.closed()).as(name).isTrue();
            return;
        }
        assertThat(answer.status()).as(name + " -> " + answer).isEqualTo(status);
        assertThat(answer.header("content-type")).as(name).startsWith("application/problem+json");
        assertThat(answer.header("x-content-type-options")).as(name).isEqualTo("nosniff");
        assertThat(answer.header("server")).as(name).isEmpty();
        assertThat(answer.body())
                .as(name)
                .contains("\"status\":" + status)
                .contains("https://haderos.io/problems/")
                .doesNotContainIgnoringCase("grizzly")
                .doesNotContainIgnoringCase("jersey")
                .doesNotContain("<html", "Exception", "java.");
        assertThat(answer.closed())
                .as(name + ": the connection is closed after a refusal at the edge")
                .isTrue();
    }

    @Test
    void afterEveryHostileRequest_theGatewayIsHealthyAndServes() throws Exception {
        hostileRequests().forEach(arguments -> {
            try {
                exchange((byte[]) arguments.get()[2]);
            } catch (IOException e) {
                // a reset is an acceptable end for a hostile request
            }
        });

        assertThat(gateway.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(gateway.post(RATES, QUOTE).statusCode()).isEqualTo(200);
        assertThat(gateway.log()).doesNotContain("ERROR", "Exception");
    }

    @Test
    void givenAnOrdinaryRequest_thenNoServerHeaderAndTheSecurityHeaders() throws Exception {
        Answer answer = exchange(bytes("GET /health/live HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("server")).isEmpty();
        assertThat(answer.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(answer.header("cache-control")).isEqualTo("no-store");
    }

    private Answer exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.gateway.getPort())) {
            socket.setSoTimeout(HANG_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (SocketException reset) {
                // The gateway may answer and close before a large request is sent: read what it said.
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
                return new Answer(received.toString(StandardCharsets.ISO_8859_1), true, false);
            } catch (SocketTimeoutException hang) {
                return new Answer(received.toString(StandardCharsets.ISO_8859_1), false, true);
            } catch (SocketException reset) {
                return new Answer(received.toString(StandardCharsets.ISO_8859_1), true, false);
            }
        }
    }

    /** What came back: the raw response (the last one, after an interim 100 Continue), and how the exchange ended. */
    private record Answer(String text, boolean closed, boolean hung) {

        private String response() {
            String last = text;
            while (last.startsWith("HTTP/1.1 100")) {
                last = last.substring(last.indexOf("\r\n\r\n") + 4);
            }
            return last;
        }

        int status() {
            String line = response().lines().findFirst().orElse("");
            String[] parts = line.split(" ");
            return parts.length > 1 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
        }

        String header(String name) {
            String head = response().split("\r\n\r\n", 2)[0];
            return head.lines()
                    .skip(1)
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("");
        }

        String body() {
            String[] parts = response().split("\r\n\r\n", 2);
            return parts.length > 1 ? parts[1] : "";
        }

        @Override
        public String toString() {
            String shown = text.length() > 600 ? text.substring(0, 600) + "…" : text;
            return (hung ? "[no answer] " : closed ? "[closed] " : "") + shown;
        }
    }

    private static void add(List<Arguments> cases, String name, int status, byte[] request) {
        cases.add(Arguments.of(name, status, request));
    }

    /** A GET of {@code /health/live} with the header lines {@code headers} (each ending in CRLF) after {@code Host}. */
    private static byte[] getLive(String headers) {
        return bytes("GET /health/live HTTP/1.1\r\nHost: gw\r\n" + headers + "\r\n");
    }

    /** The order {@code orderId} shipped with {@code amount} as its declared value's amount, a JSON string. */
    private static byte[] shipDeclaring(String orderId, String amount) {
        String shipment = GatewayIT.shipment(1.0).replace("\"250.00\"", "\"" + amount + "\"");
        return bytes(post("/orders/" + orderId + "/ship", shipment));
    }

    private static String post(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return "POST " + path + " HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n" + json;
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
    }

    /** Each char as one byte (ISO-8859-1): how a raw request is written by hand. */
    private static byte[] bytes(String request) {
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String request) {
        return request.getBytes(StandardCharsets.UTF_8);
    }
}
