package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.Dataflow;
import dev.weft.KeyValue;
import dev.weft.KeyedStream;
import dev.weft.StateUpdate;
import dev.weft.StepException;
import dev.weft.codec.Codec;
import dev.weft.codec.Decoder;
import dev.weft.codec.Encoder;
import dev.weft.runtime.RunConfig;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The samples of {@code docs/codecs.md}: state that holds built-in types, a record of the user's
 * declared once on the dataflow, and a class with a hand-written codec, each run on one and three
 * workers with every exchange encoded and every key's state encoded, decoded and rebuilt after
 * every callback, which must not change the output.
 */
@Timeout(60)
class CodecSamplesTest {

    /** A payment: who paid, how much, on which day. */
    record Payment(String payer, BigDecimal amount, LocalDate day) {
    }

    /** A payer's state: how many payments and their total. A record: one declaration, no codec to write. */
    record Tally(int count, BigDecimal total) {
        Tally add(BigDecimal amount) {
            return new Tally(count + 1, total.add(amount));
        }
    }

    private static RunConfig encodingEverything(int workers) {
        return RunConfig.defaults(workers).withSerializing(true).withRestoreStateEveryBatch(true);
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @CsvSource({"1", "3"})
    void recordState(int workers) {
        TestingSink<KeyValue<String, Tally>> out = new TestingSink<>();
        List<Payment> payments = List.of(new Payment("ann", new BigDecimal("5.00"), LocalDate.of(2026, 1, 2)),
                new Payment("bob", new BigDecimal("1.50"), LocalDate.of(2026, 1, 2)),
                new Payment("ann", new BigDecimal("2.25"), LocalDate.of(2026, 1, 3)));

        Dataflow flow = new Dataflow("tallies")
                .registerRecord(Payment.class)
                .registerRecord(Tally.class);
        flow.input("payments", new TestingSource<>(payments))
                .keyOn("by_payer", Payment::payer)
                .statefulMap("tally", () -> new Tally(0, BigDecimal.ZERO), (tally, payment) -> {
                    Tally next = tally.add(payment.amount());
                    return StateUpdate.of(next, next);
                })
                .output("out", out);
        Testing.run(flow, encodingEverything(workers));

        assertThat(out.items()).containsExactlyInAnyOrder(
                KeyValue.of("ann", new Tally(1, new BigDecimal("5.00"))),
                KeyValue.of("bob", new Tally(1, new BigDecimal("1.50"))),
                KeyValue.of("ann", new Tally(2, new BigDecimal("7.25"))));
    }

    /** Money as a class of its own (not a record): it needs a codec written for it. */
    static final class Money {
        private final long cents;
        private final Currency currency;

        Money(long cents, Currency currency) {
            this.cents = cents;
            this.currency = Objects.requireNonNull(currency);
        }

        Money plus(Money other) {
            return new Money(cents + other.cents, currency);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Money m && m.cents == cents && m.currency.equals(currency);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(cents) * 31 + currency.hashCode();
        }

        @Override
        public String toString() {
            return cents + " " + currency;
        }
    }

    /** Writes Money as its cents and its currency code; reads them back in the same order. */
    static final class MoneyCodec implements Codec<Money> {
        @Override
        public void encode(Money value, Encoder out) {
            out.writeZigZagLong(value.cents);
            out.writeString(value.currency.getCurrencyCode());
        }

        @Override
        public Money decode(Decoder in) {
            long cents = in.readZigZagLong();
            return new Money(cents, Currency.getInstance(in.readString()));
        }
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @CsvSource({"1", "3"})
    void handWrittenCodec(int workers) {
        TestingSink<KeyValue<String, Money>> out = new TestingSink<>();
        Currency eur = Currency.getInstance("EUR");

        Dataflow flow = new Dataflow("wallets")
                .register(Money.class, "com.acme.Money", new MoneyCodec());
        KeyedStream<String, Money> totals = flow.input("spends", TestingSource.of("ann:500", "bob:150", "ann:225"))
                .keyOn("by_spender", spend -> spend.split(":")[0])
                .mapValue("money", spend -> new Money(Long.parseLong(spend.split(":")[1]), eur))
                .reduceFinal("total", Money::plus);
        totals.output("out", out);
        Testing.run(flow, encodingEverything(workers));

        assertThat(out.items()).containsExactlyInAnyOrder(
                KeyValue.of("ann", new Money(725, eur)), KeyValue.of("bob", new Money(150, eur)));
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @CsvSource({"1", "3"})
    void undeclaredRecord(int workers) {
        Dataflow flow = new Dataflow("tallies"); // no registerRecord(Tally.class)
        flow.input("amounts", TestingSource.of("ann:5"))
                .keyOn("by_payer", s -> s.split(":")[0])
                .statefulMap("tally", () -> new Tally(0, BigDecimal.ZERO),
                        (tally, s) -> StateUpdate.of(tally.add(new BigDecimal(s.split(":")[1])), tally))
                .output("out", new TestingSink<>());

        StepException e = catchThrowableOfType(StepException.class,
                () -> Testing.run(flow, RunConfig.defaults(workers).withRestoreStateEveryBatch(true)));

        assertThat(e).hasMessageContaining("no codec for type " + Tally.class.getTypeName()
                        + " (state of step 'tallies.tally')")
                .hasMessageContaining("it is a record: declare it once with registerRecord(Tally.class) on the Dataflow")
                .hasMessageContaining("see docs/codecs.md");
    }
}
