package io.haderos.shipping.bootstrap;

import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.policy.OutageNotices;
import io.haderos.shipping.domain.port.out.AlertNotifier;
import io.haderos.shipping.domain.port.out.CircuitTransitionListener;
import java.util.List;

/** Turns breaker transitions into outage notices (docs/architecture.md#operations) and hands them to every notifier. */
final class OutageAlerting implements CircuitTransitionListener {

    private final OutageNotices notices = new OutageNotices();
    private final List<AlertNotifier> notifiers;

    OutageAlerting(List<? extends AlertNotifier> notifiers) {
        this.notifiers = List.copyOf(notifiers);
    }

    @Override
    public void onTransition(CircuitStateChanged event) {
        notices.on(event).ifPresent(notice -> notifiers.forEach(notifier -> notifier.send(notice)));
    }
}
