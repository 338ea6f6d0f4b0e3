package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Dataflow;
import dev.weft.KeyValue;
import dev.weft.KeyedStream;
import dev.weft.StatefulBatchLogic;
import dev.weft.StatefulContext;
import dev.weft.runtime.RunConfig;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample of {@code docs/stateful-logic.md}: a {@link StatefulBatchLogic} written by hand, run
 * on one and three workers, with and without every key's state rebuilt from its encoded snapshot
 * after every callback, which must not change the output.
 */
@Timeout(60)
class StatefulLogicSamplesTest {

    /**
     * One shopper's basket: the items added since the last checkout. A checkout emits what was
     * bought; at the end of input, a basket still holding items is emitted as abandoned.
     */
    static final class Basket implements StatefulBatchLogic<String, String, String, List<String>> {
        private final List<String> items;

        Basket(List<String> resume) {
            items = resume == null ? new ArrayList<>() : new ArrayList<>(resume);
        }

        @Override
        public void onBatch(List<String> events, StatefulContext<String, String> context) {
            for (String event : events) {
                if (event.equals("checkout")) {
                    context.emit("bought " + items);
                    items.clear();
                } else {
                    items.add(event);
                }
            }
            // An empty basket is discarded: nothing is kept for shoppers who are done.
            if (items.isEmpty()) {
                context.discard();
            }
        }

        @Override
        public void onEof(StatefulContext<String, String> context) {
            context.emit("abandoned " + items);
        }

        @Override
        public List<String> snapshot() {
            return List.copyOf(items);
        }
    }

    @ParameterizedTest(name = "{0} worker(s), restoring state: {1}")
    @CsvSource({"1, false", "3, false", "1, true", "3, true"})
    void shouldEmitBoughtAndAbandonedBaskets(int workers, boolean restoring) {
        Dataflow flow = new Dataflow("shop");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        KeyedStream<String, String> baskets = flow.input("events", new TestingSource<String>(List.of(
                        "ann apple", "bob pear", "ann milk", "ann checkout", "bob tea", "ann bread")))
                .keyOn("by_shopper", event -> event.split(" ")[0])
                .mapValue("action", event -> event.split(" ")[1])
                .statefulBatch("basket", Basket::new);
        baskets.output("out", sink);

        Testing.run(flow, RunConfig.defaults(workers).withRestoreStateEveryBatch(restoring));

        assertThat(sink.items()).containsExactlyInAnyOrder(
                KeyValue.of("ann", "bought [apple, milk]"),
                KeyValue.of("ann", "abandoned [bread]"),
                KeyValue.of("bob", "abandoned [pear, tea]"));
    }
}
