package io.haderos.shipping.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem: {@code {"type","title","status","detail"}} and extension members such as
 * {@code errors}, {@code attempts} or {@code reason}. Every error response of the API is one.
 */
final class Problem {

    static final String TYPE_BASE = "https://haderos.io/problems/";
    static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    private final int status;
    private final Map<String, Object> members;

    private Problem(int status, Map<String, Object> members) {
        this.status = status;
        this.members = members;
    }

    /** A problem of type {@code https://haderos.io/problems/<slug>}. */
    static Problem of(int status, String slug, String title, String detail) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", TYPE_BASE + slug);
        members.put("title", title);
        members.put("status", status);
        members.put("detail", detail);
        return new Problem(status, members);
    }

    /** The same problem with one more member, in snake_case; a null value leaves it out. */
    Problem with(String name, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, Object> more = new LinkedHashMap<>(members);
        more.put(name, value);
        return new Problem(status, more);
    }

    int status() {
        return status;
    }

    @JsonValue
    Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }

    /** A response with this problem as its {@code application/problem+json} body. */
    Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }

    Response toResponse() {
        return toResponseBuilder().build();
    }

    /** One entry of {@code errors}: a field of the request and what is wrong with it, or a carrier's code. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Issue(String field, String code, String message) {

        static List<Issue> ofField(String field, String message) {
            return List.of(new Issue(field, null, message));
        }

        static Issue ofCode(String code, String message) {
            return new Issue(null, code.isEmpty() ? null : code, message);
        }
    }
}
