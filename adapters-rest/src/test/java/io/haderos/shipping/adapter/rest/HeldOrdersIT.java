package io.haderos.shipping.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.application.port.in.HeldOrdersPage;
import io.haderos.shipping.application.port.in.ListHeldOrdersQuery;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.HeldOrderCursor;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /orders?status=outcome_unknown&limit=&after=}: operators only, paged, bad parameters named. */
class HeldOrdersIT {

    private static final String PATH = "/orders?status=outcome_unknown";
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    @RegisterExtension
    static final RestApiExtension api = RestApiExtension.forOperators();

    private static ShipmentRecord held(String id, Instant since) {
        return new ShipmentRecord(
                OrderId.of(id),
                "fp",
                ShipmentStatus.OUTCOME_UNKNOWN,
                Optional.empty(),
                false,
                List.of(new Attempt(CarrierId.ARAMEX, AttemptOutcome.TIMEOUT, "no answer from aramex within 10 s")),
                since.minusSeconds(10),
                since,
                Optional.empty(),
                Optional.of(ClientId.of("shop-web")),
                Optional.empty());
    }

    /** Three held orders, served a page at a time as the store would. */
    private static HeldOrdersPage page(ListHeldOrdersQuery query) {
        List<ShipmentRecord> all =
                List.of(held("ORD-1", T0), held("ORD-2", T0.plusSeconds(60)), held("ORD-3", T0.plusSeconds(120)));
        List<ShipmentRecord> rest = all.stream()
                .filter(record ->
                        query.after().map(after -> after.precedes(record)).orElse(true))
                .toList();
        List<ShipmentRecord> page = rest.subList(0, Math.min(query.limit(), rest.size()));
        return new HeldOrdersPage(
                page,
                rest.size() > page.size()
                        ? Optional.of(HeldOrderCursor.after(page.get(page.size() - 1)))
                        : Optional.empty());
    }

    @Test
    void theOperatorPagesThroughTheHeldOrdersOldestFirst() throws Exception {
        api.fakes().onHeldOrders(HeldOrdersIT::page);

        RestApiExtension.Reply first = api.asAdmin("GET", PATH + "&limit=2", null);
        assertThat(first.status()).isEqualTo(200);
        JsonNode body = first.json();
        assertThat(body.path("orders").findValuesAsText("order_id")).containsExactly("ORD-1", "ORD-2");
        JsonNode oldest = body.path("orders").get(0);
        assertThat(oldest.path("client").asText()).isEqualTo("shop-web");
        assertThat(oldest.path("status").asText()).isEqualTo("outcome_unknown");
        assertThat(oldest.path("held_since").asText()).isEqualTo("2026-11-30T09:00:00Z");
        assertThat(oldest.path("provider").asText()).isEqualTo("aramex");
        assertThat(oldest.path("attempts").get(0).path("outcome").asText()).isEqualTo("timeout");
        String next = body.path("next").asText();
        assertThat(next).isNotBlank();

        JsonNode second =
                api.asAdmin("GET", PATH + "&limit=2&after=" + next, null).json();

        assertThat(second.path("orders").findValuesAsText("order_id")).containsExactly("ORD-3");
        assertThat(second.path("next").isNull()).isTrue();
        assertThat(api.fakes().lastReceived(ListHeldOrdersQuery.class).after())
                .contains(new HeldOrderCursor(T0.plusSeconds(60), OrderId.of("ORD-2")));
    }

    @Test
    void withoutALimitThePageHasTheDefaultSize() throws Exception {
        api.fakes().onHeldOrders(HeldOrdersIT::page);

        assertThat(api.asAdmin("GET", PATH, null).status()).isEqualTo(200);

        assertThat(api.fakes().lastReceived(ListHeldOrdersQuery.class).limit())
                .isEqualTo(ListHeldOrdersQuery.DEFAULT_LIMIT);
    }

    @Test
    void withoutTheAdminTokenNothingIsListed() throws Exception {
        Problems.assertProblem(api.get(PATH), 401, "unauthorized");
        Problems.assertProblem(
                api.sendWithToken("wrong-token-wrong-token-012345", "GET", PATH, null), 403, "forbidden");
        assertThat(api.fakes().received()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/orders                                          | status",
                "/orders?status=created                           | status",
                "/orders?status=outcome_unknown&limit=0           | limit",
                "/orders?status=outcome_unknown&limit=201         | limit",
                "/orders?status=outcome_unknown&limit=ten         | limit",
                "/orders?status=outcome_unknown&after=not-a-token | after",
                "/orders?status=outcome_unknown&after=Zm9vfGJhcg  | after",
            })
    void badParametersAreA400NamingTheParameter(String path, String parameter) throws Exception {
        JsonNode problem = Problems.assertProblem(api.asAdmin("GET", path, null), 400, "invalid-request");

        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly(parameter);
        assertThat(api.fakes().received()).isEmpty();
    }
}
