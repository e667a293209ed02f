package io.haderos.shipping.benchmarks.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayLaunchTest {

    @TempDir
    Path root;

    @Test
    void theReadmesRunCommandIsTheLauncherWithItsArchiveOnOrOff() throws Exception {
        Files.writeString(root.resolve("gateway"), "GATEWAY_JAVA_OPTIONS_DEFAULT=\"-Xmx128m -XX:+UseSerialGC\"\n");
        GatewayLaunch launch = GatewayLaunch.launcher(root);

        assertThat(launch.command())
                .containsExactly("sh", root.resolve("gateway").toString());
        assertThat(launch.environment()).containsEntry("GATEWAY_CDS", "on").containsKey("JAVA");
        assertThat(launch.withCds(false).environment()).containsEntry("GATEWAY_CDS", "off");
        assertThat(launch.describe()).isEqualTo("./gateway");
        assertThat(launch.withCds(false).describe()).isEqualTo("GATEWAY_CDS=off ./gateway");
        assertThat(launch.jvmOptions()).containsExactly("-Xmx128m", "-XX:+UseSerialGC");
    }

    @Test
    void javaDashJarCarriesItsOwnOptionsAndNoLauncherSettings() throws Exception {
        Path jar = root.resolve("other.jar");
        GatewayLaunch launch = GatewayLaunch.java(root, jar, List.of("-Xmx64m"));

        assertThat(launch.command()).endsWith("-Xmx64m", "-jar", jar.toString());
        assertThat(launch.environment()).isEmpty();
        assertThat(launch.describe()).isEqualTo("java -Xmx64m -jar shipping-gateway.jar");
        assertThat(launch.jvmOptions()).containsExactly("-Xmx64m");
    }

    @Test
    void theArchiveCountsOnlyWhenNewerThanTheJarAsTheLauncherRequires() throws Exception {
        GatewayLaunch launch = GatewayLaunch.launcher(root);
        Files.createDirectories(launch.jar().getParent());
        Files.writeString(launch.jar(), "jar");
        assertThat(launch.archive()).isEqualTo(root.resolve("bootstrap/target/shipping-gateway.jsa"));
        assertThat(launch.archiveIsCurrent()).isFalse();

        Files.writeString(launch.archive(), "archive");
        Instant built = Instant.parse("2026-01-01T00:00:00Z");
        Files.setLastModifiedTime(launch.jar(), FileTime.from(built));
        Files.setLastModifiedTime(launch.archive(), FileTime.from(built.minusSeconds(60)));
        assertThat(launch.archiveIsCurrent()).isFalse();

        Files.setLastModifiedTime(launch.archive(), FileTime.from(built.plusSeconds(60)));
        assertThat(launch.archiveIsCurrent()).isTrue();
    }
}
