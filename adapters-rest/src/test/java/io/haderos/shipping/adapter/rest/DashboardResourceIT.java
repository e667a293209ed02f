package io.haderos.shipping.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.adapter.rest.RestApiExtension.Reply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /dashboard}: one self-contained HTML page; that it works in a browser is DashboardBrowserIT's job. */
class DashboardResourceIT {

    @RegisterExtension
    static final RestApiExtension api = new RestApiExtension();

    @Test
    void givenTheDashboard_whenRequested_thenUtf8HtmlWithTheBreakerCardTemplate() {
        Reply reply = api.sendWithAccept("GET", "/dashboard", "text/html,application/xhtml+xml,*/*;q=0.8");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo("text/html");
        assertThat(reply.header("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type.toLowerCase().replace(" ", "")).contains("charset=utf-8"));
        assertThat(reply.body())
                .startsWith("<!doctype html>")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("<template id=\"breaker-card-template\">")
                .contains(
                        "data-breaker=\"\"",
                        "data-state=\"\"",
                        "id=\"alerts\"",
                        "id=\"last-updated\"",
                        "id=\"connection\"")
                .contains("api/v1/integrations/monitoring/", "/transitions?limit=");
        assertThat(api.fakes().received()).isEmpty();
    }

    @Test
    void givenTheDashboard_thenItFetchesNothingFromElsewhere() {
        String html = api.get("/dashboard").body();

        assertThat(html)
                .doesNotContainPattern("(?i)<script[^>]*\\bsrc=")
                .doesNotContainPattern("(?i)<link[^>]*rel=\"stylesheet\"")
                .doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
    }

    @Test
    void givenTheDashboard_thenItsPolicyAllowsExactlyItsOwnInlineScriptAndStyle() throws Exception {
        Reply reply = api.get("/dashboard");

        String policy = reply.header("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("default-src 'none'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(policy).contains("script-src 'sha256-" + sha256(inline("script", reply.body())) + "'");
        assertThat(policy).contains("style-src 'sha256-" + sha256(inline("style", reply.body())) + "'");
        assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void givenHead_whenRequested_thenTheSameTypeWithoutABody() {
        Reply reply = api.send("HEAD", "/dashboard", null, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo("text/html");
        assertThat(reply.body()).isEmpty();
    }

    private static String inline(String tag, String html) {
        Matcher matcher = Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL)
                .matcher(html);
        assertThat(matcher.find()).as("an inline <%s>", tag).isTrue();
        return matcher.group(1);
    }

    private static String sha256(String text) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
