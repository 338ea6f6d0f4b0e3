package dev.weft;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs a test of a stateful operator once per {@link RunMode#withRestores() run mode}: 1 and 3
 * workers, serializing off and on, and each with state rebuilt from its encoded snapshot after
 * every callback (the snapshot/restore harness), so that the same assertions prove the output
 * unchanged by restores.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@MethodSource("dev.weft.RunMode#withRestores")
@interface InEveryRunModeRestoring {
}
