package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.RestApiExtension.PROBLEM_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.adapter.rest.RestApiExtension.Reply;

/** What every refusal of the API is: an {@code application/problem+json} body of a known type, status, title and detail. */
final class Problems {

    private static final String TYPES = "https://haderos.io/problems/";

    private Problems() {}

    /**
     * Fails unless {@code reply} is a problem of status {@code status} and type {@code https://haderos.io/problems/} +
     * {@code slug}, with a title and a detail.
     *
     * @return the problem, for the test's own checks of its fields
     */
    static JsonNode assertProblem(Reply reply, int status, String slug) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.mediaType()).as(reply.toString()).isEqualTo(PROBLEM_JSON);
        JsonNode problem = reply.json();
        assertThat(problem.get("type").asText()).isEqualTo(TYPES + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

    /**
     * Fails unless {@code reply} is a 400 problem whose {@code errors} name exactly one field, {@code field}.
     *
     * @return the problem, for the test's own checks of its fields
     */
    static JsonNode assertInvalid(Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.mediaType()).as(reply.toString()).isEqualTo(PROBLEM_JSON);
        JsonNode problem = reply.json();
        assertThat(problem.get("errors").findValuesAsText("field"))
                .as(reply.toString())
                .containsExactly(field);
        return problem;
    }
}
