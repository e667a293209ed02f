package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.application.port.in.LabelNotFoundException;
import io.haderos.shipping.application.port.in.NoCarrierAvailableException;
import io.haderos.shipping.application.port.in.OrderConflictException;
import io.haderos.shipping.application.port.in.OrderNotFoundException;
import io.haderos.shipping.application.port.in.RequestRejectedException;
import io.haderos.shipping.application.port.in.ShipmentOutcomeUnknownException;
import io.haderos.shipping.application.port.in.UnknownCarrierException;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.FleetOverrideStoreUnavailableException;
import io.haderos.shipping.domain.port.out.ShipmentStoreUnavailableException;
import io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException;
import io.haderos.shipping.domain.port.out.TransitionHistoryUnavailableException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure of a request becomes an {@code application/problem+json} response (RFC 9457):
 *
 * <table>
 *   <caption>status by failure</caption>
 *   <tr><td>malformed JSON, empty body, wrong JSON types, unknown or missing fields, invalid values</td><td>400</td></tr>
 *   <tr><td>no such order shipment, label, carrier or tracking number; unknown path</td><td>404</td></tr>
 *   <tr><td>the order is claimed by a different request, in progress, or held</td><td>409</td></tr>
 *   <tr><td>a carrier rejected the request's content (with its messages)</td><td>422</td></tr>
 *   <tr><td>a carrier may have created the shipment: outcome unknown</td><td>502</td></tr>
 *   <tr><td>no carrier can serve now ({@code Retry-After} when a breaker says when); the shipment store, the audit
 *   trail or the override store cannot be reached ({@code Retry-After: 5})</td><td>503</td></tr>
 *   <tr><td>any other {@link WebApplicationException} (405, 406, 415 …)</td><td>its status</td></tr>
 *   <tr><td>anything else: our bug</td><td>500, with no internals</td></tr>
 * </table>
 */
final class ProblemMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

    /** Wins over a mapper of the same exception type at the default priority (lower is preferred). */
    static final int PREFERRED = Priorities.USER - 4000;

    private ProblemMappers() {}

    /** One instance of each mapper, for registration: the JSON ones and the use cases' contract. */
    static List<Object> all() {
        return java.util.stream.Stream.concat(JsonProblemMappers.all().stream(), contract().stream())
                .toList();
    }

    /** The contract table: each use case's declared failures, and the rest. */
    private static List<Object> contract() {
        return List.of(
                new InvalidRequest(),
                new Rejected(),
                new CarrierRejected(),
                new NoCarrier(),
                new OutcomeUnknown(),
                new Conflict(),
                new UnknownCarrier(),
                new TrackingNotFound(),
                new OrderNotFound(),
                new LabelNotFound(),
                new StoreUnavailable(),
                new HistoryUnavailable(),
                new OverrideStoreUnavailable(),
                new WebApplication(),
                new Completion(),
                new Unexpected());
    }

    static final class InvalidRequest implements ExceptionMapper<InvalidRequestException> {

        @Override
        public Response toResponse(InvalidRequestException e) {
            return invalid(e.field(), e.reason());
        }
    }

    /** docs/architecture.md#fallback-policy: a carrier rejected the content; the caller must fix it. */
    static final class Rejected implements ExceptionMapper<RequestRejectedException> {

        @Override
        public Response toResponse(RequestRejectedException e) {
            return rejected(e.rejection())
                    .with("attempts", AttemptResponse.from(e.attempts()))
                    .toResponse();
        }

        static Problem rejected(CarrierRejectedException rejection) {
            return Problem.of(422, "request-rejected", "Request rejected by the carrier", rejection.getMessage())
                    .with("provider", rejection.carrier().value())
                    .with(
                            "errors",
                            rejection.messages().stream()
                                    .map(m -> Problem.Issue.ofCode(m.code(), m.message()))
                                    .toList());
        }
    }

    /** The same refusal reaching us unwrapped (tracking passes a carrier's refusal of the number through). */
    static final class CarrierRejected implements ExceptionMapper<CarrierRejectedException> {

        @Override
        public Response toResponse(CarrierRejectedException e) {
            return Rejected.rejected(e).toResponse();
        }
    }

    /** docs/architecture.md#fallback-policy: every carrier is unavailable; {@code Retry-After} when a breaker says when to retry. */
    static final class NoCarrier implements ExceptionMapper<NoCarrierAvailableException> {

        @Override
        public Response toResponse(NoCarrierAvailableException e) {
            Optional<Long> seconds = e.retryAfter().map(NoCarrier::retryAfterSeconds);
            String detail = "no carrier can serve the request now"
                    + seconds.map(s -> "; retry in " + s + " s").orElse("; retry later");
            Problem problem = Problem.of(503, "no-carrier-available", "No carrier available", detail)
                    .with("retry_after_seconds", seconds.orElse(null))
                    .with("attempts", AttemptResponse.from(e.attempts()));
            Response.ResponseBuilder response = problem.toResponseBuilder();
            seconds.ifPresent(s -> response.header(HttpHeaders.RETRY_AFTER, s));
            return response.build();
        }

        /** Rounded up so a client waiting that long is never early; at least 1, since 0 invites a hot loop. */
        private static long retryAfterSeconds(Duration retryAfter) {
            return Math.max(1, CarrierUnavailableException.secondsRoundedUp(retryAfter));
        }
    }

    /** docs/architecture.md#fallback-policy: the shipment may exist at the carrier; the order is held for an operator. */
    static final class OutcomeUnknown implements ExceptionMapper<ShipmentOutcomeUnknownException> {

        @Override
        public Response toResponse(ShipmentOutcomeUnknownException e) {
            return Problem.of(502, "shipment-outcome-unknown", "Shipment outcome unknown", e.getMessage())
                    .with("order_id", e.orderId().value())
                    .with("provider", e.carrier().value())
                    .with("attempts", AttemptResponse.from(e.attempts()))
                    .toResponse();
        }
    }

    /** docs/architecture.md#rest-contract: idempotency per order id. */
    static final class Conflict implements ExceptionMapper<OrderConflictException> {

        @Override
        public Response toResponse(OrderConflictException e) {
            return Problem.of(409, "order-conflict", "Order conflict", e.getMessage())
                    .with("order_id", e.orderId().value())
                    .with("reason", e.reason().name().toLowerCase(Locale.ROOT))
                    .toResponse();
        }
    }

    static final class UnknownCarrier implements ExceptionMapper<UnknownCarrierException> {

        @Override
        public Response toResponse(UnknownCarrierException e) {
            return Problem.of(404, "unknown-carrier", "Unknown carrier", e.getMessage())
                    .toResponse();
        }
    }

    static final class TrackingNotFound implements ExceptionMapper<TrackingNumberNotFoundException> {

        @Override
        public Response toResponse(TrackingNumberNotFoundException e) {
            return Problem.of(404, "tracking-not-found", "Tracking number not found", e.getMessage())
                    .with("provider", e.carrier().value())
                    .with("tracking", e.trackingNumber())
                    .toResponse();
        }
    }

    static final class OrderNotFound implements ExceptionMapper<OrderNotFoundException> {

        @Override
        public Response toResponse(OrderNotFoundException e) {
            return Problem.of(404, "shipment-not-found", "Shipment not found", e.getMessage())
                    .with("order_id", e.orderId().value())
                    .toResponse();
        }
    }

    static final class LabelNotFound implements ExceptionMapper<LabelNotFoundException> {

        @Override
        public Response toResponse(LabelNotFoundException e) {
            return Problem.of(404, "label-not-found", "Label not found", e.getMessage())
                    .with("order_id", e.orderId().value())
                    .toResponse();
        }
    }

    /** Without the idempotency store nothing may be shipped: a second shipment could follow. */
    static final class StoreUnavailable implements ExceptionMapper<ShipmentStoreUnavailableException> {

        @Override
        public Response toResponse(ShipmentStoreUnavailableException e) {
            return unavailable(
                    e,
                    "shipment-store-unavailable",
                    "Shipment store unavailable",
                    "the gateway cannot reach its shipment store, which keeps orders from being shipped twice; "
                            + "retry shortly");
        }
    }

    static final class HistoryUnavailable implements ExceptionMapper<TransitionHistoryUnavailableException> {

        @Override
        public Response toResponse(TransitionHistoryUnavailableException e) {
            return unavailable(
                    e,
                    "audit-trail-unavailable",
                    "Audit trail unavailable",
                    "the gateway cannot read its audit trail now; retry shortly");
        }
    }

    /** An operator's order that cannot be stored for the fleet is given nowhere: the operator retries. */
    static final class OverrideStoreUnavailable implements ExceptionMapper<FleetOverrideStoreUnavailableException> {

        @Override
        public Response toResponse(FleetOverrideStoreUnavailableException e) {
            return unavailable(
                    e,
                    "override-store-unavailable",
                    "Override store unavailable",
                    "the gateway cannot store the order for the other instances now, so it was applied"
                            + " nowhere; retry shortly");
        }
    }

    /** Jersey's own refusals (404 no such path, 405, 406, 415 …) keep their status and headers. */
    static final class WebApplication implements ExceptionMapper<WebApplicationException> {

        private static final Map<Integer, String> DETAILS = Map.of(
                404, "no resource exists at this path",
                405, "this method is not allowed here",
                406, "this resource answers only application/json",
                415, "the request body must be sent as Content-Type: application/json, in UTF-8 if a charset is named");

        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            int status = original.getStatus();
            if (status >= 500) {
                return Unexpected.problem(e);
            }
            if (original.getEntity() instanceof Problem) {
                return original; // ours already, such as the body limit's 413
            }
            String detail = DETAILS.getOrDefault(status, "the request cannot be served");
            String allow = original.getHeaderString(HttpHeaders.ALLOW);
            if (status == 405 && allow != null) {
                detail = detail + "; allowed: " + allow;
            }
            Response.ResponseBuilder response =
                    Problem.of(status, slug(status), title(status), detail).toResponseBuilder();
            original.getStringHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
                        && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                    values.forEach(value -> response.header(name, value));
                }
            });
            return response.build();
        }

        private static String title(int status) {
            Response.Status known = Response.Status.fromStatusCode(status);
            return known == null ? "HTTP " + status : known.getReasonPhrase();
        }

        private static String slug(int status) {
            return title(status)
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("(^-|-$)", "");
        }
    }

    /**
     * A use case's asynchronous failure arrives wrapped when a stage it passed through failed: the response is the one
     * its cause maps to.
     */
    static final class Completion implements ExceptionMapper<CompletionException> {

        @Context
        private Providers providers;

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Response toResponse(CompletionException e) {
            Throwable cause = e.getCause();
            if (cause == null) {
                return Unexpected.problem(e);
            }
            ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
            return mapper == null ? Unexpected.problem(cause) : mapper.toResponse(cause);
        }
    }

    /** Our bug: logged in full here, reported without internals. */
    static final class Unexpected implements ExceptionMapper<Throwable> {

        @Override
        public Response toResponse(Throwable e) {
            return problem(e);
        }

        static Response problem(Throwable e) {
            LOG.error("unexpected failure while serving a request", e);
            return Problem.of(
                            500,
                            "internal-error",
                            "Internal error",
                            "the gateway failed unexpectedly; the failure is logged")
                    .toResponse();
        }
    }

    static Response invalid(Optional<String> field, String reason) {
        return badRequest(
                "invalid-request",
                "Invalid request",
                field.map(f -> f + ": " + reason).orElse(reason),
                field,
                reason);
    }

    /** A 400 whose {@code errors} name {@code field} with {@code reason} where the field is known. */
    static Response badRequest(String type, String title, String detail, Optional<String> field, String reason) {
        Problem problem = Problem.of(400, type, title, detail);
        return field.map(f -> problem.with("errors", Problem.Issue.ofField(f, reason)))
                .orElse(problem)
                .toResponse();
    }

    /**
     * A 503 for a store of ours that cannot be reached: logged as a warning (the operator's cue), with {@code
     * Retry-After: 5}, since such outages are short or need a person, and no breaker says when.
     */
    private static Response unavailable(Exception e, String type, String title, String detail) {
        LOG.warn(e.getMessage());
        return Problem.of(503, type, title, detail)
                .toResponseBuilder()
                .header(HttpHeaders.RETRY_AFTER, 5)
                .build();
    }
}
