package io.haderos.shipping.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.glassfish.jersey.uri.UriTemplate;
import org.junit.jupiter.api.Test;

/** How the matched templates (innermost first, as Jersey lists them) become the {@code uri} tag. */
class HttpServerMetricsTest {

    @Test
    void givenAClassAndAMethodTemplate_thenTheyAreJoinedOutermostFirst() {
        assertThat(HttpServerMetrics.template(List.of(new UriTemplate("ship"), new UriTemplate("/orders/{order_id}"))))
                .isEqualTo("/orders/{order_id}/ship");
    }

    @Test
    void givenSlashesOnBothSidesAndATrailingOne_thenTheyAreNormalised() {
        assertThat(HttpServerMetrics.template(List.of(new UriTemplate("/ship/"), new UriTemplate("/orders/{id}/"))))
                .isEqualTo("/orders/{id}/ship");
    }

    @Test
    void givenRegexVariables_thenOnlyTheirNamesRemain() {
        assertThat(HttpServerMetrics.template(List.of(
                        new UriTemplate("{tracking : [0-9]{10,12}}"),
                        new UriTemplate("/api/v1/shipments/{provider: aramex|smsa}"))))
                .isEqualTo("/api/v1/shipments/{provider}/{tracking}");
    }

    @Test
    void givenTheRootResource_thenTheTemplateIsASlash() {
        assertThat(HttpServerMetrics.template(List.of(new UriTemplate("/")))).isEqualTo("/");
        assertThat(HttpServerMetrics.template(List.of(UriTemplate.EMPTY))).isEqualTo("/");
    }
}
