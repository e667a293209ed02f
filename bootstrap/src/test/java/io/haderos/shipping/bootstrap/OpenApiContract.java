package io.haderos.shipping.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's OpenAPI 3.1 document as a judge of real HTTP exchanges: whether a request is one the document
 * describes (path, method, parameters, security, content type, body) and whether the response is one the document
 * allows for it (status, content type, headers, body).
 *
 * <p>The document itself is read by swagger-parser as OpenAPI 3.1 (its structural messages are {@link #problems()});
 * every schema is checked by networknt's JSON Schema validator with the OpenAPI 3.1 dialect (JSON Schema 2020-12), with
 * format assertions on, straight from the document, so that {@code $ref}s resolve exactly as written.
 */
final class OpenApiContract {

    /** Where the schema validator finds the document; never fetched, the text is given to it. */
    private static final String DOCUMENT_IRI = "https://contract.invalid/openapi.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern BEARER = Pattern.compile("(?i:Bearer) +\\S+ *");

    private final JsonNode document;
    private final List<String> problems;
    private final SchemaRegistry schemas;

    private OpenApiContract(JsonNode document, List<String> problems, SchemaRegistry schemas) {
        this.document = document;
        this.problems = problems;
        this.schemas = schemas;
    }

    /** The document, as JSON text (the gateway's {@code /openapi.json}). */
    static OpenApiContract of(String json) {
        JsonNode document;
        try {
            document = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the document is not JSON", e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, options);
        List<String> problems =
                new ArrayList<>(Optional.ofNullable(parsed.getMessages()).orElse(List.of()));
        if (parsed.getOpenAPI() == null) {
            problems.add("not an OpenAPI document");
        } else if (parsed.getOpenAPI().getSpecVersion() != SpecVersion.V31
                || !document.path("openapi").asText().startsWith("3.1.")) {
            problems.add("not OpenAPI 3.1: openapi is " + document.path("openapi"));
        }
        SchemaRegistry schemas = SchemaRegistry.withDialect(
                Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, json))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .locale(Locale.ENGLISH)
                                .build()));
        return new OpenApiContract(document, List.copyOf(problems), schemas);
    }

    /** What swagger-parser finds wrong with the document as OpenAPI 3.1; empty for a sound document. */
    List<String> problems() {
        return problems;
    }

    /**
     * Every example of a request or response body that its own schema refuses, as {@code pointer: error}; empty when
     * each example is one the gateway could send or accept.
     */
    List<String> exampleViolations() {
        List<String> violations = new ArrayList<>();
        examples("", document, violations);
        return violations;
    }

    private void examples(String pointer, JsonNode node, List<String> violations) {
        if (!node.isContainerNode()) {
            return;
        }
        if (pointer.matches(".*/content/[^/]+") && node.has("schema")) {
            String schema = pointer + "/schema";
            if (node.has("example")) {
                String example = pointer + "/example";
                validate(schema, exampleJson(example), violations, example);
            }
            node.path("examples").fieldNames().forEachRemaining(name -> {
                String example = resolve(pointer + "/examples/" + escape(name)).pointer() + "/value";
                validate(schema, exampleJson(example), violations, example);
            });
        }
        if (node.isObject()) {
            node.properties()
                    .forEach(child -> examples(pointer + "/" + escape(child.getKey()), child.getValue(), violations));
        } else {
            for (int i = 0; i < node.size(); i++) {
                examples(pointer + "/" + i, node.get(i), violations);
            }
        }
    }

    /** An example as JSON text; a text example of a non-JSON body stays the string it is. */
    private String exampleJson(String pointer) {
        return document.at(pointer).toString();
    }

    /** Everything about the request that the document does not allow; empty for a request it describes. */
    List<String> requestViolations(Exchange exchange) {
        List<String> violations = new ArrayList<>();
        Optional<Operation> found = operation(exchange, violations);
        if (found.isEmpty()) {
            return violations;
        }
        Operation operation = found.get();
        Map<String, String> query = query(exchange.query());
        for (Map.Entry<String, Located> parameter : parameters(operation).entrySet()) {
            JsonNode definition = parameter.getValue().node();
            String name = definition.path("name").asText();
            String in = definition.path("in").asText();
            Optional<String> value = switch (in) {
                case "path" -> Optional.ofNullable(operation.pathValues().get(name));
                case "query" -> Optional.ofNullable(query.remove(name));
                case "header" -> exchange.requestHeader(name);
                default -> Optional.empty();
            };
            if (value.isEmpty()) {
                if (definition.path("required").asBoolean(false)) {
                    violations.add(in + " parameter '" + name + "' is required");
                }
                continue;
            }
            String schema = parameter.getValue().pointer() + "/schema";
            validate(schema, scalar(schema, value.get()), violations, in + " " + name);
        }
        query.keySet().forEach(name -> violations.add("query parameter '" + name + "' is not in the document"));
        security(operation, exchange, violations);
        requestBody(operation, exchange, violations);
        return violations;
    }

    /** Everything about the response that the document does not allow for this request. */
    List<String> responseViolations(Exchange exchange) {
        List<String> violations = new ArrayList<>();
        Optional<Operation> found = operation(exchange, violations);
        if (found.isEmpty()) {
            return violations;
        }
        String base = found.get().pointer() + "/responses";
        JsonNode responses = document.at(base);
        String status = String.valueOf(exchange.status());
        String key = responses.has(status)
                ? status
                : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX" : "default";
        if (!responses.has(key)) {
            violations.add("status " + status + " is not a documented response of " + found.get());
            return violations;
        }
        Located response = resolve(base + "/" + escape(key));
        response.node().path("headers").properties().forEach(header -> {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                return;
            }
            Located definition = resolve(response.pointer() + "/headers/" + escape(header.getKey()));
            Optional<String> value = exchange.responseHeader(header.getKey());
            if (value.isEmpty()) {
                if (definition.node().path("required").asBoolean(false)) {
                    violations.add("response header '" + header.getKey() + "' is required for status " + status);
                }
                return;
            }
            String schema = definition.pointer() + "/schema";
            validate(schema, scalar(schema, value.get()), violations, "header " + header.getKey());
        });
        JsonNode content = response.node().path("content");
        if (exchange.responseBody().isEmpty()) {
            if (!content.isMissingNode() && !exchange.method().equals("HEAD")) {
                violations.add("status " + status + " must have a body (" + fieldNames(content) + ")");
            }
            return violations;
        }
        if (content.isMissingNode()) {
            violations.add("status " + status + " has no body in the document, but one was sent");
            return violations;
        }
        body(
                response.pointer() + "/content",
                content,
                exchange.responseHeader("Content-Type"),
                exchange.responseBody(),
                violations,
                "response");
        return violations;
    }

    private Optional<Operation> operation(Exchange exchange, List<String> violations) {
        String path = exchange.path();
        record Candidate(String template, Map<String, String> values, int literals) {}
        List<Candidate> candidates = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(template -> {
            List<String> names = new ArrayList<>();
            Matcher variable = TEMPLATE.matcher(template);
            StringBuilder regex = new StringBuilder("^");
            int last = 0;
            while (variable.find()) {
                regex.append(Pattern.quote(template.substring(last, variable.start())))
                        .append("([^/]+)");
                names.add(variable.group(1));
                last = variable.end();
            }
            regex.append(Pattern.quote(template.substring(last))).append('$');
            Matcher match = Pattern.compile(regex.toString()).matcher(path);
            if (match.matches()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    values.put(names.get(i), URLDecoder.decode(match.group(i + 1), StandardCharsets.UTF_8));
                }
                candidates.add(new Candidate(
                        template, values, template.replaceAll("\\{[^}]*}", "").length()));
            }
        });
        // OpenAPI: a concrete path matches before a templated one.
        Optional<Candidate> best = candidates.stream().max(Comparator.comparingInt(Candidate::literals));
        if (best.isEmpty()) {
            violations.add("no path of the document matches " + path);
            return Optional.empty();
        }
        String method = exchange.method().toLowerCase(Locale.ROOT);
        String pointer = "/paths/" + escape(best.get().template()) + "/" + method;
        if (document.at(pointer).isMissingNode()) {
            violations.add(
                    exchange.method() + " is not documented for " + best.get().template());
            return Optional.empty();
        }
        return Optional.of(new Operation(
                exchange.method() + " " + best.get().template(),
                pointer,
                "/paths/" + escape(best.get().template()),
                best.get().values()));
    }

    /** The path item's parameters overlaid by the operation's, keyed by location and name. */
    private Map<String, Located> parameters(Operation operation) {
        Map<String, Located> parameters = new TreeMap<>();
        for (String owner : List.of(operation.pathItemPointer(), operation.pointer())) {
            JsonNode list = document.at(owner + "/parameters");
            for (int i = 0; i < list.size(); i++) {
                Located parameter = resolve(owner + "/parameters/" + i);
                parameters.put(
                        parameter.node().path("in").asText() + ":"
                                + parameter.node().path("name").asText(),
                        parameter);
            }
        }
        return parameters;
    }

    private void security(Operation operation, Exchange exchange, List<String> violations) {
        JsonNode requirements = document.at(operation.pointer() + "/security");
        if (requirements.isMissingNode()) {
            requirements = document.path("security");
        }
        if (requirements.isMissingNode() || requirements.isEmpty()) {
            return;
        }
        for (JsonNode requirement : requirements) {
            if (requirement.isEmpty()) {
                return; // anonymous access is one of the alternatives
            }
            boolean met = true;
            for (String scheme : iterable(requirement.fieldNames())) {
                JsonNode definition = document.at("/components/securitySchemes/" + escape(scheme));
                if (definition.path("type").asText().equals("http")
                        && definition.path("scheme").asText().equalsIgnoreCase("bearer")) {
                    met &= exchange.requestHeader("Authorization")
                            .filter(value -> BEARER.matcher(value).matches())
                            .isPresent();
                } else {
                    violations.add("security scheme '" + scheme + "' cannot be checked by this contract test");
                }
            }
            if (met) {
                return;
            }
        }
        violations.add("the request does not satisfy the security of " + operation + ": " + requirements);
    }

    private void requestBody(Operation operation, Exchange exchange, List<String> violations) {
        String pointer = operation.pointer() + "/requestBody";
        if (document.at(pointer).isMissingNode()) {
            if (!exchange.requestBody().isEmpty()) {
                violations.add(operation + " takes no request body, but one was sent");
            }
            return;
        }
        Located requestBody = resolve(pointer);
        if (exchange.requestBody().isEmpty()) {
            if (requestBody.node().path("required").asBoolean(false)) {
                violations.add("the request body of " + operation + " is required");
            }
            return;
        }
        body(
                requestBody.pointer() + "/content",
                requestBody.node().path("content"),
                exchange.requestHeader("Content-Type"),
                exchange.requestBody(),
                violations,
                "request");
    }

    private void body(
            String pointer,
            JsonNode content,
            Optional<String> contentType,
            String body,
            List<String> violations,
            String what) {
        if (contentType.isEmpty()) {
            violations.add("the " + what + " has a body but no Content-Type");
            return;
        }
        Optional<String> key = mediaTypeKey(content, contentType.get());
        if (key.isEmpty()) {
            violations.add(
                    "the " + what + "'s Content-Type " + contentType.get() + " is not one of " + fieldNames(content));
            return;
        }
        String schema = pointer + "/" + escape(key.get()) + "/schema";
        if (document.at(schema).isMissingNode()) {
            return;
        }
        String type = baseType(key.get());
        if (type.equals("application/json") || type.endsWith("+json")) {
            try {
                JSON.readTree(body);
            } catch (JsonProcessingException e) {
                violations.add("the " + what + " body is not JSON: " + e.getOriginalMessage());
                return;
            }
            validate(schema, body, violations, what + " body");
        } else {
            validate(schema, JsonNodeFactory.instance.textNode(body).toString(), violations, what + " body");
        }
    }

    private void validate(String schemaPointer, String json, List<String> violations, String what) {
        Schema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + schemaPointer));
        schema.validate(json, InputFormat.JSON).forEach(error -> violations.add(what + ": " + error));
    }

    /**
     * The content key that describes {@code actual}: the same type, and every parameter the key names with the same
     * value ({@code text/plain; version=0.0.4} describes {@code text/plain; version=0.0.4; charset=utf-8}).
     */
    private static Optional<String> mediaTypeKey(JsonNode content, String actual) {
        Map<String, String> actualParameters = parameters(actual);
        for (String key : iterable(content.fieldNames())) {
            String type = baseType(key);
            boolean sameType = type.equals(baseType(actual))
                    || type.equals("*/*")
                    || (type.endsWith("/*") && baseType(actual).startsWith(type.substring(0, type.length() - 1)));
            if (sameType
                    && parameters(key).entrySet().stream()
                            .allMatch(p -> p.getValue().equals(actualParameters.get(p.getKey())))) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static String baseType(String mediaType) {
        return mediaType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> parameters(String mediaType) {
        Map<String, String> parameters = new TreeMap<>();
        String[] parts = mediaType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            if (pair.length == 2) {
                parameters.put(
                        pair[0].trim().toLowerCase(Locale.ROOT),
                        pair[1].trim().replace("\"", "").toLowerCase(Locale.ROOT));
            }
        }
        return parameters;
    }

    /**
     * A parameter or header value as JSON: a whole number as a number where the schema wants an integer or a number (as
     * a client would read it), anything else as a string.
     */
    private String scalar(String schemaPointer, String value) {
        JsonNode type = resolve(schemaPointer).node().path("type");
        boolean numeric = type.isArray()
                ? type.toString().contains("\"integer\"") || type.toString().contains("\"number\"")
                : type.asText().equals("integer") || type.asText().equals("number");
        return numeric && WHOLE_NUMBER.matcher(value).matches()
                ? value
                : JsonNodeFactory.instance.textNode(value).toString();
    }

    private static Map<String, String> query(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            parameters.put(
                    URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                    nameAndValue.length == 2 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    /** The node at {@code pointer}, following {@code $ref}s within the document, and where it really is. */
    private Located resolve(String pointer) {
        String at = pointer;
        for (int hops = 0; hops < 10; hops++) {
            JsonNode node = document.at(at);
            JsonNode ref = node.path("$ref");
            if (!ref.isTextual()) {
                return new Located(node, at);
            }
            if (!ref.asText().startsWith("#/")) {
                throw new IllegalStateException("only references within the document are supported: " + ref);
            }
            at = ref.asText().substring(1);
        }
        throw new IllegalStateException("a $ref cycle at " + pointer);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> fieldNames(JsonNode node) {
        return iterable(node.fieldNames());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private record Operation(String name, String pointer, String pathItemPointer, Map<String, String> pathValues) {

        @Override
        public String toString() {
            return name;
        }
    }

    private record Located(JsonNode node, String pointer) {}

    /** One request and its response, as sent and received; header names are matched case-insensitively. */
    record Exchange(
            String method,
            String path,
            String query,
            Map<String, String> requestHeaders,
            String requestBody,
            int status,
            Map<String, List<String>> responseHeaders,
            String responseBody) {

        Optional<String> requestHeader(String name) {
            return requestHeaders.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }

        Optional<String> responseHeader(String name) {
            return responseHeaders.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .flatMap(header -> header.getValue().stream())
                    .findFirst();
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null || query.isEmpty() ? "" : "?" + query) + " " + requestHeaders
                    + (requestBody.isEmpty() ? "" : " " + requestBody) + " -> " + status + " " + responseHeaders + " "
                    + responseBody;
        }
    }
}
