package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.policy.OutageNotice;

/**
 * Tells people outside the gateway (a Slack channel, an on-call mailbox) that a carrier's breaker opened or
 * recovered.
 *
 * <p>Called on the thread of the carrier call that caused the transition: an implementation must return at
 * once (queue the notice and deliver it from its own thread, retrying with back-off) and must not throw.
 */
@FunctionalInterface
public interface AlertNotifier {

    void send(OutageNotice notice);
}
