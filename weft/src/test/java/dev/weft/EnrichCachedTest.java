package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * enrichCached: each item enriched with a value looked up by its cache key, cached on the worker
 * that owns the key until its TTL has passed on the run's clock (or for ever, without a TTL).
 */
@Timeout(120)
class EnrichCachedTest {

    /** A lookup that counts how often it is asked, per key. */
    static final class Lookup {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        String name(String code) {
            calls.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
            return switch (code) {
                case "fr" -> "France";
                case "de" -> "Germany";
                default -> "unknown";
            };
        }

        int totalCalls() {
            return calls.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    @InEveryRunMode
    void shouldLookEachKeyUpOnceWithinItsTtl(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<String> sink = new TestingSink<>();
        Lookup lookup = new Lookup();
        flow.input("in", new TestingSource<String>(List.of("fr", "de", "fr", "fr", "xx", "de"), 2))
                .enrichCached("country", code -> code, lookup::name, (code, name) -> code + "=" + name,
                        Duration.ofHours(1))
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder("fr=France", "de=Germany", "fr=France", "fr=France",
                "xx=unknown", "de=Germany");
        // Items are routed by cache key: each key is looked up by one worker, once, on any number of workers.
        assertThat(lookup.calls).containsOnlyKeys("fr", "de", "xx");
        assertThat(lookup.totalCalls()).isEqualTo(3);
    }

    @InEveryRunMode
    void shouldNeverExpireWithoutTtl(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<String> sink = new TestingSink<>();
        Lookup lookup = new Lookup();
        flow.input("in", new TestingSource<String>(List.of("fr", "fr", "de", "fr", "de"), 1))
                .enrichCached("country", code -> code, lookup::name, (code, name) -> name)
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder("France", "France", "Germany", "France", "Germany");
        assertThat(lookup.totalCalls()).isEqualTo(2);
    }

    @Test
    void shouldAcceptTtlOfAnyLength() {
        Dataflow flow = new Dataflow("flow");
        TestingSink<String> sink = new TestingSink<>();
        Lookup lookup = new Lookup();
        // About 292 billion years, past the nanoseconds a long holds and past Instant.MAX from now.
        Duration longest = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
        flow.input("in", new TestingSource<String>(List.of("fr", "fr", "fr"), 1))
                .enrichCached("country", code -> code, lookup::name, (code, name) -> name, longest)
                .output("out", sink);

        Testing.run(flow, RunMode.plain().get(0).config());

        assertThat(sink.items()).containsExactly("France", "France", "France");
        assertThat(lookup.totalCalls()).isEqualTo(1);
    }

    @Test
    void shouldRefuseNegativeTtl() {
        Dataflow flow = new Dataflow("flow");
        Stream<String> codes = flow.input("in", new TestingSource<String>(List.of("fr")));

        assertThatThrownBy(() -> codes.enrichCached("country", code -> code, code -> code, (code, name) -> name,
                Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("enrichCached step 'country'")
                .hasMessageContaining("PT-1S");
    }

    @InEveryRunMode
    void shouldNameGetterAndKeyWhenLookupFails(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        flow.input("in", new TestingSource<String>(List.of("fr", "??"), 1))
                .enrichCached("country", code -> code, code -> {
                    if (code.equals("??")) {
                        throw new IllegalArgumentException("no such country");
                    }
                    return code;
                }, (code, name) -> name)
                .output("out", new TestingSink<>());

        StepException e = catchThrowableOfType(StepException.class, () -> mode.run(flow));

        assertThat(e).isNotNull().hasMessageContaining("getter").hasMessageContaining("key '??'")
                .hasRootCauseMessage("no such country");
        assertThat(e.stepId()).startsWith("flow.country");
    }

    /** Looks a code up, naming how often it was asked: "France #2" is the second lookup of "fr". */
    private static KeyedStream<String, String> enrich(KeyedStream<String, String> codes, Lookup lookup, Duration ttl) {
        return new KeyedStream<>(codes.asStream().enrichCached("country", KeyValue::value,
                code -> lookup.name(code) + " #" + lookup.calls.get(code).get(),
                (item, name) -> KeyValue.of(item.key(), name), ttl));
    }

    @InEveryRunMode
    void shouldExpireEntryStrictlyAfterItsTtl(RunMode mode) {
        Lookup lookup = new Lookup();
        Duration ttl = Duration.ofMinutes(10);
        ClockedRun<String, String> run = ClockedRun.start(mode, codes -> enrich(codes, lookup, ttl));

        run.send("a", "fr").advance(ttl).send("b", "fr").advance(Duration.ofNanos(1)).send("c", "fr", "fr");

        assertThat(run.finish()).containsExactly(KeyValue.of("a", "France #1"), KeyValue.of("b", "France #1"),
                KeyValue.of("c", "France #2"), KeyValue.of("c", "France #2"));
    }

    @InEveryRunMode
    void shouldExpireEveryEntryWithZeroTtlOnceTheClockMoves(RunMode mode) {
        Lookup lookup = new Lookup();
        ClockedRun<String, String> run = ClockedRun.start(mode, codes -> enrich(codes, lookup, Duration.ZERO));

        run.send("a", "fr", "fr").advance(Duration.ofNanos(1)).send("b", "fr");

        assertThat(run.finish()).containsExactly(KeyValue.of("a", "France #1"), KeyValue.of("a", "France #1"),
                KeyValue.of("b", "France #2"));
    }

    @InEveryRunModeRestoring
    void shouldEnrichTheSameWhenStateIsRestoredAfterEveryCallback(RunMode mode) {
        Lookup lookup = new Lookup();
        ClockedRun<String, String> run = ClockedRun.start(mode, codes -> new KeyedStream<>(codes.asStream()
                .enrichCached("country", KeyValue::value, lookup::name, (item, name) -> KeyValue.of(item.key(), name),
                        Duration.ofMinutes(10))));

        run.send("a", "fr", "de").advance(Duration.ofHours(1)).send("b", "de");

        // The cache is not part of the state: a restore only costs lookups.
        assertThat(run.finish()).containsExactly(KeyValue.of("a", "France"), KeyValue.of("a", "Germany"),
                KeyValue.of("b", "Germany"));
    }
}
