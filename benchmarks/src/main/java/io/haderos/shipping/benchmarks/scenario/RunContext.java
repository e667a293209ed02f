package io.haderos.shipping.benchmarks.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every scenario needs to know.
 *
 * @param root the repository's root directory
 * @param gatewayJar the gateway's runnable jar
 * @param benchmarksJar this module's runnable jar (to start the bare endpoint and JMH from), when running from it
 * @param options the command line's options
 */
public record RunContext(Path root, Path gatewayJar, Path benchmarksJar, Options options) {

    /** A new empty directory for one process's working directory and log. */
    public Path scratch(String name) throws IOException {
        return Files.createTempDirectory("bench-" + name + "-");
    }

    /** Whether {@code --quick} was given. */
    public boolean quick() {
        return options.quick();
    }
}
