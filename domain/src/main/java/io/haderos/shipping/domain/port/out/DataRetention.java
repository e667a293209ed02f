package io.haderos.shipping.domain.port.out;

import java.time.Instant;

/**
 * Removes what the gateway no longer needs to keep (docs/architecture.md#retention), a small batch at a time so that
 * no call holds locks for long. Each call is its own transaction and is harmless when another gateway instance runs
 * the same one at the same time: a row is removed or erased once, whoever gets to it.
 *
 * <p>Failures surface as {@link RuntimeException}s whose messages are fit for a log line (no credentials).
 */
public interface DataRetention {

    /**
     * Deletes at most {@code limit} breaker transitions that happened before {@code cutoff}, and with them the records
     * of gateway instances last seen before it that have no transition left.
     *
     * @return how many transitions were deleted; fewer than {@code limit} when none older are left
     */
    int deleteTransitionsBefore(Instant cutoff, int limit);

    /**
     * Erases the personal data of at most {@code limit} orders last changed before {@code cutoff}, and marks each
     * erased at {@code erasedAt}. The idempotency record stays: order id, request fingerprint, client, carrier,
     * tracking numbers, status and times, so that a retry of the order is still answered as before.
     *
     * @return how many orders were erased; fewer than {@code limit} when none older are left
     */
    int erasePersonalDataBefore(Instant cutoff, Instant erasedAt, int limit);
}
