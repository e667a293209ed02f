package io.haderos.shipping.bootstrap.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.HttpMethods;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * {@code http_server_requests_seconds{method,uri,status,outcome}} for every request Jersey handles.
 *
 * <p>{@code uri} is the matched route template ({@code /orders/{order_id}/ship}), never the raw path, so each
 * order id does not become a time series of its own; a regex in a template shows as its name only. A 404
 * answered by a matched resource keeps its template ("shipment not stored" is not a mistyped path). A request
 * that matched no resource method is tagged {@code NOT_FOUND} (404), {@code REDIRECTION} (3xx) or
 * {@code UNKNOWN} (anything else, such as 405). A non-standard HTTP method is tagged {@code UNKNOWN} too, so
 * clients cannot create series at will. {@code outcome} is Micrometer's ({@code SUCCESS}, {@code CLIENT_ERROR},
 * …), as the common HTTP dashboards expect.
 *
 * <p>Written here rather than taken from jersey-micrometer: it is short, adds no dependency to the runnable
 * jar, and keeps exactly these four tags.
 */
final class HttpServerMetrics implements ApplicationEventListener {

    private static final String NOT_FOUND = "NOT_FOUND";
    private static final String REDIRECTION = "REDIRECTION";
    private static final String UNKNOWN = "UNKNOWN";

    /** {@code {name: regex}} → {@code {name}}; the regex may hold one level of braces ({@code [0-9]{3}}). */
    private static final Pattern REGEX_VARIABLE = Pattern.compile("\\{\\s*([^{}:\\s]+)\\s*:(?:[^{}]|\\{[^{}]*})*}");

    private static final Pattern SLASHES = Pattern.compile("/{2,}");

    /**
     * Each route's tag, worked out once from Jersey's raw templates (two regular-expression passes per request
     * otherwise). The keys are the application's own routes, a handful.
     */
    private static final Map<String, String> TEMPLATES = new ConcurrentHashMap<>();

    private final MeterRegistry registry;
    private final Meter.MeterProvider<Timer> requests;

    /** Each series' timer, looked up once: the tags take only a bounded set of values (see the class comment). */
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    private record Series(String method, String uri, int status) {}

    HttpServerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.requests = Timer.builder("http.server.requests")
                .description("HTTP requests served, by method, route template, status and outcome")
                .serviceLevelObjectives(GatewayMetrics.LATENCY_BUCKETS.toArray(Duration[]::new))
                .withRegistry(registry);
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // Nothing to measure about the application's life cycle.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        Timer.Sample sample = Timer.start(registry);
        return event -> {
            if (event.getType() == RequestEvent.Type.FINISHED) {
                sample.stop(timer(event));
            }
        };
    }

    private Timer timer(RequestEvent finished) {
        // No response: an exception no mapper handled, which the container answers with 500.
        ContainerResponse response = finished.getContainerResponse();
        int status = response == null ? 500 : response.getStatus();
        String method = finished.getContainerRequest().getMethod();
        Series series = new Series(
                HttpMethods.isStandard(method) ? method : UNKNOWN, uri(finished.getUriInfo(), status), status);
        return timers.computeIfAbsent(
                series,
                s -> requests.withTags(
                        "method", s.method(),
                        "uri", s.uri(),
                        "status", Integer.toString(s.status()),
                        "outcome", Outcome.forStatus(s.status()).name()));
    }

    private static String uri(ExtendedUriInfo uriInfo, int status) {
        if (uriInfo.getMatchedResourceMethod() != null) {
            return template(uriInfo.getMatchedTemplates());
        }
        if (status == 404) {
            return NOT_FOUND;
        }
        return status >= 300 && status < 400 ? REDIRECTION : UNKNOWN;
    }

    /** The templates Jersey matched, innermost first, joined outermost first. */
    static String template(List<UriTemplate> matchedInnermostFirst) {
        StringBuilder path = new StringBuilder();
        for (int i = matchedInnermostFirst.size() - 1; i >= 0; i--) {
            path.append('/').append(matchedInnermostFirst.get(i).getTemplate());
        }
        return TEMPLATES.computeIfAbsent(path.toString(), HttpServerMetrics::normalised);
    }

    private static String normalised(String path) {
        String template =
                SLASHES.matcher(REGEX_VARIABLE.matcher(path).replaceAll("{$1}")).replaceAll("/");
        if (template.length() > 1 && template.endsWith("/")) {
            template = template.substring(0, template.length() - 1);
        }
        return template.isEmpty() ? "/" : template;
    }
}
