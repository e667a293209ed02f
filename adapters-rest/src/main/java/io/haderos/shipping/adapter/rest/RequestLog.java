package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.domain.model.OrderId;
import jakarta.ws.rs.HttpMethod;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * Gives every request an id and its log lines a context, and logs one summary line per request.
 *
 * <p>The id is the client's {@code X-Request-Id} when it is 1 to 128 letters, digits or {@code . _ : @ / + = -},
 * else a new UUID; it is returned in {@code X-Request-Id}. While the gateway works on a request, the threads that do
 * so carry {@code request_id} and, on order routes, {@code order_id} in SLF4J's MDC: the request's thread until the
 * resource method returns, then the thread that completes the response. Threads are left without it afterwards.
 * Carrier calls carry it further through {@code CarrierCallObserver#boundToCaller}.
 *
 * <p>The summary line ({@code POST /orders/A-1001/ship 201 in 35 ms}) is INFO for a request that may change
 * something and for every 5xx, DEBUG for reads and quotes, which come by the thousand.
 */
final class RequestLog implements ApplicationEventListener {

    /** The request and response header that carries the id. */
    static final String HEADER = "X-Request-Id";

    static final String REQUEST_ID = "request_id";
    static final String ORDER_ID = "order_id";

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final int MAX_PATH = 200;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    @Override
    public void onEvent(ApplicationEvent event) {
        // Nothing to do about the application's life cycle.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        return new OneRequest(idOf(start.getContainerRequest()), System.nanoTime());
    }

    /** The client's id when it is well formed, else a new one. */
    static String idOf(ContainerRequest request) {
        String given = request.getHeaderString(HEADER);
        return given != null && CLIENT_ID.matcher(given).matches() ? given : newId();
    }

    /**
     * A random (version 4) UUID. Request ids must be unique, not unguessable: {@link UUID#randomUUID()} draws from
     * {@code SecureRandom}, which cost more than the rest of the request log.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(high, low).toString();
    }

    private static final class OneRequest implements RequestEventListener {
        private final String id;
        private final long started;
        private String orderId;

        OneRequest(String id, long started) {
            this.id = id;
            this.started = started;
            enter();
        }

        @Override
        public void onEvent(RequestEvent event) {
            switch (event.getType()) {
                case RESOURCE_METHOD_START -> {
                    List<String> orderIds =
                            event.getUriInfo().getPathParameters().get(ORDER_ID);
                    if (orderIds != null && orderIds.size() == 1 && OrderId.isWellFormed(orderIds.get(0))) {
                        orderId = orderIds.get(0);
                        MDC.put(ORDER_ID, orderId);
                    }
                }
                // The request's thread goes back to the pool (an asynchronous resource answers from another).
                case RESOURCE_METHOD_FINISHED -> leave();
                case ON_EXCEPTION -> enter();
                case RESP_FILTERS_START -> {
                    enter();
                    event.getContainerResponse().getHeaders().putSingle(HEADER, id);
                }
                case FINISHED -> {
                    enter();
                    try {
                        summarise(event);
                    } finally {
                        leave();
                    }
                }
                default -> {
                    // nothing to do
                }
            }
        }

        private void enter() {
            MDC.put(REQUEST_ID, id);
            if (orderId != null) {
                MDC.put(ORDER_ID, orderId);
            }
        }

        private static void leave() {
            MDC.remove(REQUEST_ID);
            MDC.remove(ORDER_ID);
        }

        private void summarise(RequestEvent finished) {
            ContainerRequest request = finished.getContainerRequest();
            ContainerResponse response = finished.getContainerResponse();
            int status = response == null ? 500 : response.getStatus();
            ResourceMethod method = finished.getUriInfo().getMatchedResourceMethod();
            boolean routine = status < 500 && (isRead(request.getMethod()) || changesNothing(method));
            Level level = routine ? Level.DEBUG : Level.INFO;
            if (LOG.isEnabledForLevel(level)) {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                LOG.atLevel(level)
                        .addKeyValue("status", status)
                        .addKeyValue("elapsed_ms", millis)
                        .log("{} {} {} in {} ms", request.getMethod(), path(request), status, millis);
            }
        }

        /** The path as sent (still percent-encoded, so a log line stays one line), cut to a readable length. */
        private static String path(ContainerRequest request) {
            String raw = request.getRequestUri().getRawPath();
            return raw.length() <= MAX_PATH ? raw : raw.substring(0, MAX_PATH) + "…";
        }

        private static boolean isRead(String method) {
            return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        }

        private static boolean changesNothing(ResourceMethod method) {
            return method != null
                    && method.getInvocable().getHandlingMethod().isAnnotationPresent(ChangesNothing.class);
        }
    }
}
