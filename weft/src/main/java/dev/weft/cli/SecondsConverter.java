package dev.weft.cli;

import java.math.BigDecimal;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a duration written as a number of seconds, such as {@code 10} or {@code 0.25}; never negative. */
final class SecondsConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number of seconds (such as 10 or 0.5)");
        }
        if (seconds.signum() < 0) {
            throw new TypeConversionException("'" + value + "' is negative; give a number of seconds, 0 or more");
        }
        try {
            return Duration.ofNanos(seconds.movePointRight(9).setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValueExact());
        } catch (ArithmeticException e) {
            throw new TypeConversionException("'" + value + "' seconds is too long");
        }
    }
}
