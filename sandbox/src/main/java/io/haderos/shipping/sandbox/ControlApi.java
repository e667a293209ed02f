package io.haderos.shipping.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's own HTTP API (snake_case JSON, errors as {@code application/problem+json}):
 * <pre>
 * GET  /sandbox                   {"stand_ins":{"aramex":{"base_url":…,"mode":…,"latency_ms":…},"smsa":{…}}}
 * GET  /sandbox/{carrier}/fault   {"mode":"healthy","latency_ms":0}
 * PUT  /sandbox/{carrier}/fault   body {"mode":"…","latency_ms":0} (latency optional) → the new fault
 * GET  /sandbox/{carrier}/stats   {"requests":N,"shipments_created":M,"held":K}
 * POST /sandbox/{carrier}/reset   healthy, latency 0, counters 0 → the fault
 * </pre>
 * {@code requests} counts every request that reached the stand-in since the last reset, whatever
 * its answer; {@code held} is how many are open now, waiting out a latency or hung.
 * Unknown carrier or path: 404; wrong method: 405; unknown mode or malformed body: 400 naming the
 * field in {@code errors[].field}.
 */
final class ControlApi {

    private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);
    private static final String PREFIX = "/sandbox";

    private final Map<String, StandIn> standIns;
    private final Listener listener;

    private ControlApi(String host, int port, Map<String, StandIn> standIns) throws IOException {
        this.standIns = standIns;
        this.listener = Listener.open("control", host, port, this::handle);
    }

    static ControlApi open(String host, int port, Map<String, StandIn> standIns) throws IOException {
        return new ControlApi(host, port, standIns);
    }

    int port() {
        return listener.port();
    }

    void close() {
        listener.close();
    }

    private void handle(HttpExchange exchange) {
        try {
            byte[] body = Exchanges.readBody(exchange);
            route(exchange, body);
        } catch (IOException e) {
            LOG.debug("Sandbox control: exchange aborted: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.warn("Sandbox control failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            try {
                problem(exchange, 500, "Internal Server Error", "The sandbox failed: " + e, null, null);
            } catch (IOException | RuntimeException ignored) {
                // the response had already started
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, byte[] body) throws IOException {
        String path = Exchanges.path(exchange);
        String method = exchange.getRequestMethod();
        if (path.equals(PREFIX)) {
            if (allowed(exchange, "GET")) {
                overview(exchange);
            }
            return;
        }
        String[] parts = path.startsWith(PREFIX + "/")
                ? path.substring(PREFIX.length() + 1).split("/", -1)
                : new String[0];
        if (parts.length != 2) {
            notFound(exchange, "No such resource: " + path);
            return;
        }
        StandIn standIn = standIns.get(parts[0]);
        if (standIn == null) {
            notFound(exchange, "Unknown carrier '" + parts[0] + "'; known: " + String.join(", ", standIns.keySet()));
            return;
        }
        switch (parts[1]) {
            case "fault":
                if ("PUT".equals(method)) {
                    putFault(exchange, standIn, body);
                } else if (allowed(exchange, "GET, PUT")) {
                    json(exchange, 200, fault(standIn.fault()));
                }
                break;
            case "stats":
                if (allowed(exchange, "GET")) {
                    ObjectNode stats = Json.object();
                    stats.put("requests", standIn.requests());
                    stats.put("shipments_created", standIn.shipmentsCreated());
                    stats.put("held", standIn.held());
                    json(exchange, 200, stats);
                }
                break;
            case "reset":
                if (allowed(exchange, "POST")) {
                    apply(exchange, standIn, null);
                }
                break;
            default:
                notFound(exchange, "No such resource: " + path);
                break;
        }
    }

    private void overview(HttpExchange exchange) throws IOException {
        ObjectNode root = Json.object();
        ObjectNode list = root.putObject("stand_ins");
        standIns.forEach((name, standIn) -> {
            Fault fault = standIn.fault();
            ObjectNode node = list.putObject(name);
            node.put("base_url", standIn.baseUri().toString());
            node.put("mode", fault.mode().wireName());
            node.put("latency_ms", fault.latencyMs());
        });
        json(exchange, 200, root);
    }

    private void putFault(HttpExchange exchange, StandIn standIn, byte[] body) throws IOException {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (IOException e) {
            badRequest(exchange, "body", "The body is not valid JSON");
            return;
        }
        if (root == null || !root.isObject()) {
            badRequest(exchange, "body", "The body must be a JSON object {\"mode\":…,\"latency_ms\":…}");
            return;
        }
        JsonNode mode = root.get("mode");
        if (mode == null || !mode.isTextual()) {
            badRequest(exchange, "mode", "mode is required, one of: " + FaultMode.wireNames());
            return;
        }
        Optional<FaultMode> parsed = FaultMode.fromWire(mode.asText());
        if (parsed.isEmpty()) {
            badRequest(
                    exchange,
                    "mode",
                    "Unknown mode '" + mode.asText() + "', expected one of: " + FaultMode.wireNames());
            return;
        }
        JsonNode latency = root.get("latency_ms");
        long latencyMs = 0;
        if (latency != null && !latency.isNull()) {
            if (!latency.isIntegralNumber()
                    || !latency.canConvertToLong()
                    || latency.longValue() < 0
                    || latency.longValue() > Fault.MAX_LATENCY_MS) {
                badRequest(exchange, "latency_ms", "latency_ms must be an integer within 0-" + Fault.MAX_LATENCY_MS);
                return;
            }
            latencyMs = latency.longValue();
        }
        apply(exchange, standIn, new Fault(parsed.get(), latencyMs));
    }

    /** Applies a fault ({@code null}: reset) and answers with the resulting fault. */
    private void apply(HttpExchange exchange, StandIn standIn, Fault fault) throws IOException {
        try {
            if (fault == null) {
                standIn.reset();
            } else {
                standIn.applyFault(fault);
            }
        } catch (IOException e) {
            problem(
                    exchange,
                    500,
                    "Internal Server Error",
                    "Could not re-bind the " + standIn.name() + " stand-in on port " + standIn.port() + ": "
                            + e.getMessage(),
                    null,
                    null);
            return;
        }
        json(exchange, 200, fault(standIn.fault()));
    }

    private static ObjectNode fault(Fault fault) {
        ObjectNode node = Json.object();
        node.put("mode", fault.mode().wireName());
        node.put("latency_ms", fault.latencyMs());
        return node;
    }

    private static boolean allowed(HttpExchange exchange, String methods) throws IOException {
        for (String method : methods.split(", ")) {
            if (method.equals(exchange.getRequestMethod())) {
                return true;
            }
        }
        exchange.getResponseHeaders().set("Allow", methods);
        problem(
                exchange,
                405,
                "Method Not Allowed",
                exchange.getRequestMethod() + " is not allowed here; allowed: " + methods,
                null,
                null);
        return false;
    }

    private static void notFound(HttpExchange exchange, String detail) throws IOException {
        problem(exchange, 404, "Not Found", detail, null, null);
    }

    private static void badRequest(HttpExchange exchange, String field, String message) throws IOException {
        problem(exchange, 400, "Bad Request", message, field, message);
    }

    private static void problem(
            HttpExchange exchange, int status, String title, String detail, String field, String message)
            throws IOException {
        ObjectNode problem = Json.object();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (field != null) {
            problem.putArray("errors").addObject().put("field", field).put("message", message);
        }
        Exchanges.send(exchange, status, Exchanges.PROBLEM_JSON, Json.write(Json.MAPPER, problem));
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        Exchanges.send(exchange, status, Exchanges.JSON, Json.write(Json.MAPPER, body));
    }
}
