package io.haderos.shipping.adapter.rest;

import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /dashboard}: one self-contained page (inline CSS and JavaScript, nothing fetched from elsewhere)
 * that polls the monitoring endpoints and shows each breaker's state, the alerts and recent transitions live.
 *
 * <p>The page is served with a Content-Security-Policy that allows exactly its own inline style and script (by
 * their SHA-256 hashes) and requests to this origin only, so text from the audit trail can never run as code.
 */
@Singleton
@Path("/dashboard")
public final class DashboardResource {

    static final String HTML_UTF8 = "text/html; charset=utf-8";
    static final String PAGE = "dashboard.html";

    private static final Pattern INLINE = Pattern.compile("<(script|style)>(.*?)</\\1>", Pattern.DOTALL);

    private final byte[] page;
    private final String contentSecurityPolicy;

    /**
     * Reads the page from the classpath once.
     *
     * @throws IllegalStateException when the page is missing or does not carry its script and style inline
     */
    public DashboardResource() {
        String html = load();
        this.page = html.getBytes(StandardCharsets.UTF_8);
        this.contentSecurityPolicy = contentSecurityPolicy(html);
    }

    /** The page, never cached without revalidation, with its Content-Security-Policy. */
    @GET
    @Produces(HTML_UTF8)
    public Response page() {
        return Response.ok(page, HTML_UTF8)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private static String contentSecurityPolicy(String html) {
        List<String> scripts = new ArrayList<>();
        List<String> styles = new ArrayList<>();
        Matcher inline = INLINE.matcher(html);
        while (inline.find()) {
            (inline.group(1).equals("script") ? scripts : styles).add("'sha256-" + sha256(inline.group(2)) + "'");
        }
        if (scripts.isEmpty() || styles.isEmpty()) {
            throw new IllegalStateException(PAGE + " must carry its script and style inline, in bare tags");
        }
        return "default-src 'none'; script-src " + String.join(" ", scripts) + "; style-src " + String.join(" ", styles)
                + "; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'";
    }

    private static String load() {
        try (InputStream in = DashboardResource.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException(PAGE + " is missing from the adapters-rest jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PAGE, e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
