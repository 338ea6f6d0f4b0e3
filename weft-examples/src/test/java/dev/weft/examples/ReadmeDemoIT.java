package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, after its build step: runs what follows {@code &&} in it (the
 * {@code bin/weft} launcher on the word count) in a child process from the repository's root, as a
 * user would after building, and checks the exact counts it prints.
 */
@Timeout(120)
class ReadmeDemoIT {

    private static final Pattern FIRST_BLOCK = Pattern.compile("```\\n(.*?)\\n```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void shouldPrintTheBundledTextsWordCountsWithTheReadmesFirstCommand() throws IOException, InterruptedException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Matcher block = FIRST_BLOCK.matcher(Files.readString(root.resolve("README.md")));
        assertThat(block.find()).as("README.md has a command block").isTrue();
        String command = block.group(1).strip();
        assertThat(command).as("the README's first command builds, then runs").contains(" && ");
        String run = command.substring(command.indexOf(" && ") + 4);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");

        ProcessBuilder builder = new ProcessBuilder("bash", "-c", run)
                .directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // The child runs on this JVM's Java, whatever is on the PATH.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process child = builder.start();
        try {
            assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("'%s' ends within 90 s", run).isTrue();
        } finally {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }

        assertThat(child.exitValue()).as("exit code of '%s'; it printed on stderr:%n%s", run,
                Files.readString(err, StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8).lines())
                .hasSize(192)
                .contains("the 68", "river 12", "water 10");
    }
}
