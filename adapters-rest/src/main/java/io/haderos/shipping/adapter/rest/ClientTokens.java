package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.domain.model.ClientId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * The clients allowed to call the API, each known only by the SHA-256 digest of its bearer token
 * (docs/architecture.md#security). A token is a random string of at least 32 characters given to one client; the
 * gateway keeps its digest, never the token, so neither the configuration nor a memory dump reveals it.
 *
 * <p>{@link #identify} hashes the presented token once and compares the digest with <em>every</em> client's digest in
 * constant time, without stopping at a match: how long it takes says nothing about which client, if any, matched.
 *
 * <p>{@link #anonymous()} authenticates nobody: every request is made by {@link ClientId#ANONYMOUS}.
 */
public final class ClientTokens {

    /** A SHA-256 digest in hexadecimal, as {@code sha256sum} prints it. */
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final List<ClientId> clients;
    private final List<byte[]> digests;
    private final BiPredicate<byte[], byte[]> sameDigest;

    private ClientTokens(List<ClientId> clients, List<byte[]> digests, BiPredicate<byte[], byte[]> sameDigest) {
        this.clients = List.copyOf(clients);
        this.digests = List.copyOf(digests);
        this.sameDigest = sameDigest;
    }

    /** No client tokens: the API authenticates nobody, and every request is made by {@link ClientId#ANONYMOUS}. */
    public static ClientTokens anonymous() {
        return new ClientTokens(List.of(), List.of(), MessageDigest::isEqual);
    }

    /**
     * The clients of {@code sha256HexByClient}, each with the SHA-256 digest of its token in hexadecimal.
     *
     * @throws IllegalArgumentException when the map is empty, a digest is not 64 hexadecimal digits, or two clients
     *     share a digest (and so a token); the message names the clients, never a digest
     */
    public static ClientTokens of(Map<ClientId, String> sha256HexByClient) {
        return of(sha256HexByClient, MessageDigest::isEqual);
    }

    /** As {@link #of(Map)}, comparing digests with {@code sameDigest}: tests count the comparisons. */
    static ClientTokens of(Map<ClientId, String> sha256HexByClient, BiPredicate<byte[], byte[]> sameDigest) {
        if (sha256HexByClient.isEmpty()) {
            throw new IllegalArgumentException("no client is named");
        }
        List<ClientId> clients = new ArrayList<>();
        List<byte[]> digests = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        sha256HexByClient.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(ClientId::value)))
                .forEach(entry -> {
                    String hex = entry.getValue();
                    if (hex == null || !SHA256_HEX.matcher(hex).matches()) {
                        throw new IllegalArgumentException("the token digest of client '" + entry.getKey()
                                + "' must be the SHA-256 of its token: 64 hexadecimal digits");
                    }
                    if (!seen.add(hex.toLowerCase(Locale.ROOT))) {
                        throw new IllegalArgumentException(
                                "client '" + entry.getKey() + "' has the same token as another client");
                    }
                    clients.add(entry.getKey());
                    digests.add(HexFormat.of().parseHex(hex));
                });
        return new ClientTokens(clients, digests, sameDigest);
    }

    /** Whether clients must authenticate; false when every request is {@link ClientId#ANONYMOUS}'s. */
    public boolean required() {
        return !clients.isEmpty();
    }

    /** The names of the configured clients, in alphabetical order; empty when {@linkplain #anonymous() anonymous}. */
    public List<ClientId> clients() {
        return clients;
    }

    /**
     * The client whose token this is, or empty. Every client's digest is compared, whichever matches: the time taken
     * depends on the number of clients only.
     */
    Optional<ClientId> identify(String token) {
        byte[] presented = sha256(token);
        int match = -1;
        for (int i = 0; i < digests.size(); i++) {
            // No early exit and no branch on the outcome: select the index arithmetically.
            int same = sameDigest.test(digests.get(i), presented) ? 1 : 0;
            match = (match & (same - 1)) | (i & -same);
        }
        return match < 0 ? Optional.empty() : Optional.of(clients.get(match));
    }

    /** SHA-256 of the token's UTF-8 bytes. */
    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "ClientTokens" + clients;
    }
}
