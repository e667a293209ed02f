package io.haderos.shipping.adapter.aramex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs one JSON body to one Aramex operation and reads the JSON reply, or throws the failure classified by
 * {@link AramexFaults}. HTTP/1.1 only (DEPENDENCIES.md pitfall 3), redirects not followed (a POST that is
 * redirected went to the wrong endpoint).
 */
final class AramexHttp {

    private final HttpClient client;
    private final URI baseUrl;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final AramexFaults faults;

    AramexHttp(AramexConfig config, ObjectMapper mapper, AramexFaults faults) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.baseUrl = config.baseUrl();
        this.timeout = config.timeout();
        this.mapper = mapper;
        this.faults = faults;
    }

    /**
     * @throws io.haderos.shipping.domain.port.out.CarrierUnavailableException     for carrier faults, including a
     *                                                                              2xx body that is not JSON of
     *                                                                              the expected shape
     * @throws io.haderos.shipping.domain.port.out.CarrierConfigurationException for 4xx (our request or URL)
     */
    <T extends AramexWire.Reply> T post(AramexOperation operation, Object body, Class<T> replyType) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(operation.path()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(serialize(body)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw faults.forIoFailure(operation, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw faults.interrupted(operation, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw faults.forStatus(operation, response.statusCode(), response.headers());
        }
        return read(operation, response.body(), replyType);
    }

    private byte[] serialize(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // Our own records always serialize; this is a bug, and the message must not quote the body.
            throw new UncheckedIOException(
                    "could not serialize " + body.getClass().getSimpleName(), new IOException(e.getOriginalMessage()));
        }
    }

    private <T extends AramexWire.Reply> T read(AramexOperation operation, byte[] body, Class<T> replyType) {
        T reply;
        try {
            reply = mapper.readValue(body, replyType);
        } catch (IOException e) {
            throw faults.unreadable(
                    operation, "not the expected JSON (" + e.getClass().getSimpleName() + ")", e);
        }
        if (reply == null || reply.hasErrors() == null) {
            throw faults.unreadable(operation, "no HasErrors field", null);
        }
        return reply;
    }
}
