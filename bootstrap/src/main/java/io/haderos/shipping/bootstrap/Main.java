package io.haderos.shipping.bootstrap;

import java.util.concurrent.CountDownLatch;
import org.eclipse.microprofile.config.ConfigProvider;

/** Starts the gateway with configuration from the environment and stops it gracefully on SIGTERM. */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        Gateway gateway;
        try {
            gateway = Gateway.start(ConfigProvider.getConfig());
        } catch (InvalidSettingException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            gateway.close();
                            stopped.countDown();
                        },
                        "gateway-shutdown"));
        stopped.await();
    }
}
