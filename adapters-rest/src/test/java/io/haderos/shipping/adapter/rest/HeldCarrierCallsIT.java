package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.Fixtures.RATES;
import static io.haderos.shipping.adapter.rest.Fixtures.RATE_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haderos.shipping.adapter.rest.RestApiExtension.Reply;
import io.haderos.shipping.application.port.in.MonitoringReport;
import io.haderos.shipping.application.port.in.RateQuotation;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.RateQuote;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/architecture.md#slowness-and-hangs: no request thread waits for a carrier. With far more quotes held open by a hanging carrier than the
 * server has worker threads, probes and monitoring still answer, and the held quotes answer once the carrier does.
 */
class HeldCarrierCallsIT {

    /** Many times Grizzly's worker pool on a small machine (twice the cores, at least). */
    private static final int HELD = 64;

    @RegisterExtension
    static final RestApiExtension api = new RestApiExtension();

    @Test
    void givenQuotesHeldOpenByTheCarrier_thenProbesAndMonitoringAnswer_andTheQuotesAnswerWhenReleased() {
        List<CompletableFuture<RateQuotation>> carrierCalls = new CopyOnWriteArrayList<>();
        api.fakes().onQuoteRatesAsync(request -> {
            CompletableFuture<RateQuotation> held = new CompletableFuture<>();
            carrierCalls.add(held);
            return held;
        });
        api.fakes().onReport(() -> new MonitoringReport(List.of(), List.of(), Instant.now()));
        List<CompletableFuture<Reply>> quotes = new ArrayList<>();
        for (int i = 0; i < HELD; i++) {
            quotes.add(api.postJsonAsync(RATES, RATE_REQUEST));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> carrierCalls.size() == HELD);

        assertThat(api.get("/health/live").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/integrations/monitoring/circuit-breakers").status())
                .isEqualTo(200);
        assertThat(quotes).noneMatch(CompletableFuture::isDone);

        carrierCalls.forEach(call -> call.complete(quotation()));

        assertThat(quotes).allSatisfy(quote -> assertThat(quote.join().status()).isEqualTo(200));
    }

    private static RateQuotation quotation() {
        return new RateQuotation(
                CarrierId.ARAMEX,
                false,
                List.of(new RateQuote(CarrierId.ARAMEX, "PPX", Money.of("145.00", "SAR"))),
                List.of(Attempt.success(CarrierId.ARAMEX)));
    }
}
