package io.haderos.shipping.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haderos.shipping.domain.model.ClientId;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Client tokens are known by digest only, and a presented token is compared with every client's digest, the same
 * way, whichever client (if any) it belongs to: the structure of the comparison, not a stopwatch, is what is checked.
 */
class ClientTokensTest {

    private static final List<String> TOKENS = List.of(
            "first-token-0123456789abcdef0123456789",
            "second-token-0123456789abcdef012345678",
            "third-token-0123456789abcdef0123456789");

    /** Every comparison made: the lengths of both digests, and whether they were equal. */
    private final List<String> comparisons = new ArrayList<>();

    private final BiPredicate<byte[], byte[]> counting = (configured, presented) -> {
        boolean same = MessageDigest.isEqual(configured, presented);
        comparisons.add(configured.length + "/" + presented.length);
        return same;
    };

    private ClientTokens tokens() {
        Map<ClientId, String> digests = new LinkedHashMap<>();
        digests.put(ClientId.of("a-first"), hex(TOKENS.get(0)));
        digests.put(ClientId.of("b-second"), hex(TOKENS.get(1)));
        digests.put(ClientId.of("c-third"), hex(TOKENS.get(2)));
        return ClientTokens.of(digests, counting);
    }

    private static String hex(String token) {
        return HexFormat.of().formatHex(ClientTokens.sha256(token));
    }

    @Test
    void givenEachClientsToken_thenThatClientIsIdentified() {
        ClientTokens tokens = tokens();

        assertThat(tokens.identify(TOKENS.get(0))).contains(ClientId.of("a-first"));
        assertThat(tokens.identify(TOKENS.get(1))).contains(ClientId.of("b-second"));
        assertThat(tokens.identify(TOKENS.get(2))).contains(ClientId.of("c-third"));
        assertThat(tokens.identify("no-such-token-0123456789abcdef0123")).isEmpty();
        assertThat(tokens.identify("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "first-token-0123456789abcdef0123456789",
                "third-token-0123456789abcdef0123456789",
                "no-such-token",
                "x",
                "a much longer token than any client has, to show that length changes nothing at all"
            })
    void whicheverTokenIsPresented_everyClientsDigestIsComparedOnceAsFixedLengthDigests(String presented) {
        ClientTokens tokens = tokens();

        tokens.identify(presented);

        assertThat(comparisons).containsExactly("32/32", "32/32", "32/32");
    }

    @Test
    void givenDigestsInUpperOrLowerCase_thenBothIdentifyTheClient() {
        ClientTokens tokens =
                ClientTokens.of(Map.of(ClientId.of("shop"), hex(TOKENS.get(0)).toUpperCase()));

        assertThat(tokens.identify(TOKENS.get(0))).contains(ClientId.of("shop"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "zz34567890123456789012345678901234567890123456789012345678901234"})
    void givenADigestThatIsNotSha256Hex_thenRefusedNamingTheClientButNotTheValue(String digest) {
        assertThatThrownBy(() -> ClientTokens.of(Map.of(ClientId.of("shop"), digest)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'shop'")
                .satisfies(e -> {
                    if (!digest.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(digest);
                    }
                });
    }

    @Test
    void givenTwoClientsWithOneToken_thenRefusedWithoutShowingTheDigest() {
        String digest = hex(TOKENS.get(0));

        assertThatThrownBy(() ->
                        ClientTokens.of(Map.of(ClientId.of("shop"), digest, ClientId.of("erp"), digest.toUpperCase())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same token")
                .hasMessageNotContaining(digest)
                .hasMessageNotContaining(digest.toUpperCase());
    }

    @Test
    void givenNoClients_thenAnonymousRequiresNoAuthentication() {
        assertThat(ClientTokens.anonymous().required()).isFalse();
        assertThat(tokens().required()).isTrue();
        assertThat(tokens().toString()).doesNotContain(hex(TOKENS.get(0)));
    }
}
