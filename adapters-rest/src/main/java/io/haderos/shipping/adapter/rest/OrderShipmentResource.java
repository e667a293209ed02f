package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.application.port.in.FetchLabelUseCase;
import io.haderos.shipping.application.port.in.FindShipmentUseCase;
import io.haderos.shipping.application.port.in.ResolveShipmentCommand;
import io.haderos.shipping.application.port.in.ResolveShipmentUseCase;
import io.haderos.shipping.application.port.in.ShipOrderResult;
import io.haderos.shipping.application.port.in.ShipOrderUseCase;
import io.haderos.shipping.application.port.in.ShipmentOutcomeUnknownException;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.OrderId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /orders/{order_id}/ship} creates an order's shipment at most once; a repeat with the same
 * body replays it. {@code GET /orders/{order_id}/shipment} returns what is stored, {@code GET /orders/{order_id}/label}
 * its labels. All act for the client that made the request ({@link ClientAuthentication}): an order is its creator's, and to any other client it does not exist.
 */
@Singleton
@Path("/orders/{order_id}")
public final class OrderShipmentResource {

    /** Marks a response that returns the stored result of an earlier, identical request. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** Labels never change once made: a client may keep one for a day, no shared cache may. */
    static final String LABEL_CACHE_CONTROL = "private, max-age=86400";

    private static final Logger LOG = LoggerFactory.getLogger(OrderShipmentResource.class);

    private final ShipOrderUseCase shipOrder;
    private final FindShipmentUseCase findShipment;
    private final ResolveShipmentUseCase resolveShipment;
    private final FetchLabelUseCase fetchLabel;

    @Inject
    public OrderShipmentResource(
            ShipOrderUseCase shipOrder,
            FindShipmentUseCase findShipment,
            ResolveShipmentUseCase resolveShipment,
            FetchLabelUseCase fetchLabel) {
        this.shipOrder = shipOrder;
        this.findShipment = findShipment;
        this.resolveShipment = resolveShipment;
        this.fetchLabel = fetchLabel;
    }

    @POST
    @Path("ship")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> ship(
            @PathParam("order_id") String orderIdParam,
            ShipOrderRequest body,
            @Context ContainerRequestContext context) {
        OrderId orderId = RequestBodies.orderId(orderIdParam);
        ClientId client = ClientAuthentication.clientOf(context);
        ShipOrderRequest request = RequestBodies.required(body);
        return shipOrder
                .shipOrder(request.toCommand(orderId, client))
                .whenComplete((result, failure) -> log(orderId, client, result, failure))
                .thenApply(result -> shipped(orderId, result));
    }

    @GET
    @Path("shipment")
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> shipment(
            @PathParam("order_id") String orderIdParam, @Context ContainerRequestContext context) {
        OrderId orderId = RequestBodies.orderId(orderIdParam);
        return findShipment
                .findShipment(ClientAuthentication.clientOf(context), orderId)
                .thenApply(found -> found.map(record ->
                                Response.ok(ShipmentResponse.from(record)).build())
                        .orElseGet(() -> Problem.of(
                                        404,
                                        "shipment-not-found",
                                        "Shipment not found",
                                        "no shipment is stored for order " + orderId)
                                .with("order_id", orderId.value())
                                .toResponse()));
    }

    /**
     * The order's labels as one document in the format they were made in: {@code application/pdf} (every parcel's
     * label, one after the other) or ZPL as {@code text/plain}, offered as a {@code .zpl} file; {@code ?parcel=n} (from
     * 1) for one parcel's label. Labels are the API's one cacheable response: {@code ETag} (a matching
     * {@code If-None-Match} is answered 304) and {@code Cache-Control: private, max-age=86400}. Stored labels are served
     * even while their carrier is down; a missing one is asked of the carrier that created the shipment (503 with
     * {@code Retry-After} when it cannot answer; 404 when it has none). Another client's order does not exist (404).
     */
    @GET
    @Path("label")
    public CompletionStage<Response> label(
            @PathParam("order_id") String orderIdParam,
            @QueryParam("parcel") String parcelParam,
            @Context ContainerRequestContext context,
            @Context Request request) {
        OrderId orderId = RequestBodies.orderId(orderIdParam);
        Optional<Integer> parcel = parcel(parcelParam);
        return fetchLabel
                .labels(ClientAuthentication.clientOf(context), orderId)
                .thenApply(shipment -> {
                    List<Label> labels = shipment.labels();
                    LabelDocument document = parcel.map(n -> {
                                if (n > labels.size()) {
                                    throw new InvalidRequestException(
                                            "parcel",
                                            "must be between 1 and " + labels.size() + ", the labels of this shipment");
                                }
                                return LabelDocument.of(orderId, List.of(labels.get(n - 1)), "-parcel-" + n);
                            })
                            .orElseGet(() -> LabelDocument.of(orderId, labels, ""));
                    EntityTag etag = new EntityTag(document.etag());
                    Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
                    Response.ResponseBuilder response = notModified != null
                            ? notModified
                            : Response.ok(document.bytes(), document.mediaType())
                                    .header(
                                            "Content-Disposition",
                                            (document.mediaType().equals(LabelDocument.PDF) ? "inline" : "attachment")
                                                    + "; filename=\"" + document.fileName() + "\"");
                    return response.tag(etag)
                            .header(HttpHeaders.CACHE_CONTROL, LABEL_CACHE_CONTROL)
                            .build();
                });
    }

    /**
     * An operator resolves an order held after an unknown outcome (operators only: bearer {@code admin.token}).
     * 404 when nothing is stored for the order, 409 when it is not held.
     */
    @POST
    @Path("shipment/resolution")
    @AdminOnly
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<ShipmentResponse> resolve(
            @PathParam("order_id") String orderIdParam, ShipmentResolutionRequest body) {
        OrderId orderId = RequestBodies.orderId(orderIdParam);
        ResolveShipmentCommand command = RequestBodies.required(body).toCommand(orderId);
        // The record may lack the carrier asked: the use case then needs "provider" from this request.
        return resolveShipment
                .resolve(command)
                .exceptionally(failure -> {
                    throw InvalidRequestException.naming(failure);
                })
                .thenApply(ShipmentResponse::from);
    }

    /** One line per shipment created or order held, naming the client; replays and refusals are not news. */
    private static void log(OrderId orderId, ClientId client, ShipOrderResult result, Throwable failure) {
        if (result != null && !result.replayed()) {
            result.record()
                    .shipment()
                    .ifPresent(created -> LOG.info(
                            "order {} shipped for client {}: {} {}{}",
                            orderId,
                            client,
                            created.carrier(),
                            created.trackingNumber(),
                            result.record().fallback() ? " (fallback)" : ""));
        }
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ShipmentOutcomeUnknownException held) {
            LOG.warn("order {} of client {} held: its outcome at {} is unknown", orderId, client, held.carrier());
        }
    }

    private static Response shipped(OrderId orderId, ShipOrderResult result) {
        ShipmentResponse shipment = ShipmentResponse.from(result.record());
        if (result.replayed()) {
            return Response.ok(shipment).header(REPLAYED_HEADER, "true").build();
        }
        return Response.created(shipmentLocation(orderId)).entity(shipment).build();
    }

    /** Absent: every label. Else a whole number from 1; its upper bound is the shipment's label count. */
    private static Optional<Integer> parcel(String parcel) {
        if (parcel == null) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(parcel.strip());
            if (n >= 1) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("parcel", "must be a whole number from 1");
    }

    private static URI shipmentLocation(OrderId orderId) {
        return UriBuilder.fromPath("/orders/{order_id}/shipment").build(orderId.value());
    }
}
