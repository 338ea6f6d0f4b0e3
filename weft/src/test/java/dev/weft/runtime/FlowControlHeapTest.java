package dev.weft.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * On defaults, a fast source of 2 KiB records ahead of a slow sink across an exchange stays inside
 * a 512 MiB heap: flow control bounds memory, not just a count (issue 15, defect 3).
 */
@Timeout(300)
class FlowControlHeapTest {

    private static final long GUARD_SECONDS = 240;

    @Test
    void shouldRunAFastSourceOfLargeRecordsToCompletionInA512MiBHeapOnDefaults() throws Exception {
        Child result = runChild("default");
        assertThat(result.output()).as("exit %d, output:%n%s", result.exit(), result.output())
                .contains("done " + FastSourceSlowSink.RECORDS);
        assertThat(result.exit()).isZero();
        // With the old bound of 2^20 records this flow kept about 400 MiB live (and took 40 s of collections).
        long peakLiveMiB = Long.parseLong(result.output().replaceAll("(?s).*peak live MiB (\\d+).*", "$1"));
        assertThat(peakLiveMiB).as("the most heap live after a collection, in MiB").isLessThan(128);
    }

    private record Child(int exit, String output) {
    }

    private static Child runChild(String bound) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                FastSourceSlowSink.class.getName(), bound);
        Path log = Files.createTempFile("weft-heap-child", ".log");
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            boolean exited = process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS);
            assertThat(exited).as("the child finished within the guard").isTrue();
            return new Child(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
            ProcessHandle child = process.toHandle();
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
    }
}
