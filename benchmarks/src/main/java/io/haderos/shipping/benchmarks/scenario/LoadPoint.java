package io.haderos.shipping.benchmarks.scenario;

import io.haderos.shipping.benchmarks.driver.ClosedLoop;
import io.haderos.shipping.benchmarks.driver.CpuClock;
import io.haderos.shipping.benchmarks.driver.CpuUsage;
import io.haderos.shipping.benchmarks.process.ChildJvm;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One closed-loop measurement: a target at a number of clients, with the CPU each server process used over exactly the
 * measured period (read from its own counters).
 *
 * @param target what was measured
 * @param result the driver's figures
 * @param serverCpu CPU used by each watched process over the measured period, by name
 */
public record LoadPoint(String target, ClosedLoop.Result result, Map<String, CpuUsage> serverCpu) {

    /**
     * Runs {@code clients} clients against {@code request} and reads {@code servers}' CPU counters as the measured
     * period begins and ends.
     */
    public static LoadPoint measure(
            String target,
            HttpClient client,
            Supplier<HttpRequest> request,
            int clients,
            Duration warmUp,
            Duration measure,
            Map<String, ChildJvm> servers)
            throws InterruptedException {
        Map<String, CpuClock.CpuReading> before = new LinkedHashMap<>();
        Map<String, CpuUsage> used = new LinkedHashMap<>();
        ClosedLoop.Phases phases = new ClosedLoop.Phases() {
            @Override
            public void measurementStarted() {
                servers.forEach((name, jvm) -> before.put(name, jvm.cpu().read()));
            }

            @Override
            public void measurementEnded() {
                servers.forEach((name, jvm) -> used.put(name, jvm.cpu().read().since(before.get(name))));
            }
        };
        ClosedLoop.Result result = new ClosedLoop(client, request).run(clients, warmUp, measure, phases);
        return new LoadPoint(target, result, used);
    }

    /** CPU microseconds {@code server} used per 2xx answer. */
    public double cpuMicrosPerRequest(String server) {
        CpuUsage usage = serverCpu.get(server);
        return usage == null ? Double.NaN : usage.microsPer(result.ok());
    }
}
