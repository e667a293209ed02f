package io.haderos.shipping.adapter.aramex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.haderos.shipping.adapter.carrierhttp.CarrierExchange;
import io.haderos.shipping.adapter.carrierhttp.ReplyBodies;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * POSTs one JSON body to one Aramex operation and reads the JSON reply, asynchronously, or fails with the failure
 * classified by {@link AramexFaults}. The exchange itself (HTTP/1.1, no redirects, the whole-request deadline, the
 * threads) is the shared {@link CarrierExchange}.
 */
final class AramexHttp {

    private final CarrierExchange<AramexOperation> exchange;
    /** Each operation's URL, resolved once (resolving parses and normalises the URI on every request otherwise). */
    private final Map<AramexOperation, URI> endpoints = new EnumMap<>(AramexOperation.class);

    /** Prebuilt writer and per-reply-type readers: the mapper would look each one up again on every request. */
    private final ObjectWriter writer;

    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    private final ObjectMapper mapper;
    private final AramexFaults faults;

    AramexHttp(
            AramexConfig config,
            ObjectMapper mapper,
            AramexFaults faults,
            Executor executor,
            ScheduledExecutorService timer) {
        this.exchange = new CarrierExchange<>(
                CarrierId.ARAMEX,
                config.connectTimeout(),
                config.timeout(),
                executor,
                timer,
                faults::timeout,
                faults::forIoFailure);
        for (AramexOperation operation : AramexOperation.values()) {
            endpoints.put(operation, config.baseUrl().resolve(operation.path()));
        }
        this.writer = mapper.writer();
        this.mapper = mapper;
        this.faults = faults;
    }

    /**
     * @return the reply; or a failure: {@link io.haderos.shipping.domain.port.out.CarrierUnavailableException} for
     *     carrier faults, including a 2xx body that is not JSON of the expected shape, and
     *     {@link io.haderos.shipping.domain.port.out.CarrierConfigurationException} for 4xx (our request or URL)
     */
    <T extends AramexWire.Reply> CompletableFuture<T> post(AramexOperation operation, Object body, Class<T> replyType) {
        HttpRequest request = HttpRequest.newBuilder(endpoints.get(operation))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(serialize(body)))
                .build();
        return exchange(operation, request).thenApply(reply -> {
            if (reply.status() / 100 != 2) {
                throw faults.forStatus(operation, reply.status(), reply.headers());
            }
            return read(operation, reply.body(), replyType);
        });
    }

    /**
     * GETs a label file from a link Aramex gave, following no redirect.
     *
     * @return the file's bytes; or a failure classified as for {@link #post}, except that a 404 or 410 means the file
     *     is gone: {@link io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException} for {@code awb}, and a
     *     file longer than a label may be ({@link Label#MAX_BYTES}) is not read beyond that (an unreadable reply)
     */
    CompletableFuture<byte[]> download(URI link, String awb) {
        AramexOperation operation = AramexOperation.DOWNLOAD_LABEL;
        HttpRequest request = HttpRequest.newBuilder(link)
                .header("Accept", "application/pdf")
                .GET()
                .build();
        return exchange.send(operation, request, ReplyBodies.bytes(Label.MAX_BYTES))
                .thenApply(reply -> {
                    if (reply.status() == 404 || reply.status() == 410) {
                        throw new TrackingNumberNotFoundException(CarrierId.ARAMEX, awb);
                    }
                    if (reply.status() / 100 != 2) {
                        throw faults.forStatus(operation, reply.status(), reply.headers());
                    }
                    return reply.body();
                });
    }

    private CompletableFuture<CarrierExchange.Reply<byte[]>> exchange(AramexOperation operation, HttpRequest request) {
        return exchange.send(operation, request, ReplyBodies.bytes(ReplyBodies.MAX_REPLY_BYTES));
    }

    private byte[] serialize(Object body) {
        try {
            return writer.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // Our own records always serialize; this is a bug, and the message must not quote the body.
            throw new UncheckedIOException(
                    "could not serialize " + body.getClass().getSimpleName(), new IOException(e.getOriginalMessage()));
        }
    }

    private <T extends AramexWire.Reply> T read(AramexOperation operation, byte[] body, Class<T> replyType) {
        T reply;
        try {
            reply = readers.computeIfAbsent(replyType, mapper::readerFor).readValue(body);
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
