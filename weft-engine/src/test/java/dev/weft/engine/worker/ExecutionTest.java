package dev.weft.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.dataflow.BatchStage;
import dev.weft.engine.dataflow.Operators;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Stream;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class ExecutionTest {

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2, 4})
    void shouldRunAChainOfMapsOverEveryEpoch(int workers) {
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        new Execution(ExecutionConfig.defaults(workers)).run(worker -> worker.dataflow("maps", scope -> {
            Stream<Long> numbers = Operators.epochSource(scope, "numbers",
                    epoch -> epoch < 10 ? List.of(epoch * 100 + worker.index()) : null);
            Stream<Long> doubled = Operators.chain(numbers, "double", Pact.pipeline(),
                    BatchStage.<Long, Long>map(x -> x * 2).then(BatchStage.filter(x -> x % 3 != 0)));
            Operators.sink(doubled, "collect", Pact.pipeline(),
                    batch -> {
                        for (int i = 0; i < batch.size(); i++) {
                            seen.add(batch.time() + ":" + batch.get(i));
                        }
                    });
        }));
        List<String> expected = LongStream.range(0, 10).boxed()
                .flatMap(e -> LongStream.range(0, workers).mapToObj(w -> (e * 100 + w) * 2)
                        .filter(x -> x % 3 != 0).map(x -> e + ":" + x))
                .toList();
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    }
}
