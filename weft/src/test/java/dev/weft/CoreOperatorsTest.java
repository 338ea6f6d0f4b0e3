package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Timeout;

/** The core operators that are not stateful: input, output, flatMapBatch, branch, merge, redistribute, inspectDebug. */
@Timeout(60)
class CoreOperatorsTest {

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @InEveryRunMode
    void shouldPassEveryItemFromInputToOutput(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        flow.input("in", new TestingSource<Integer>(range(0, 100), 7)).output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrderElementsOf(range(0, 100));
    }

    @InEveryRunMode
    void shouldStopReadingAtEofMarker(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        flow.input("in", TestingSource.<Integer>builder().items(1, 2).eof().items(3).batchSize(2).build())
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(1, 2);
    }

    @InEveryRunMode
    void shouldRunSeveralInputsAndOutputs(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> numbers = new TestingSink<>();
        TestingSink<String> words = new TestingSink<>();
        flow.input("numbers", new TestingSource<Integer>(List.of(1, 2, 3))).output("numbers_out", numbers);
        flow.input("words", new TestingSource<String>(List.of("a", "b"))).output("words_out", words);

        mode.run(flow);

        assertThat(numbers.items()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(words.items()).containsExactlyInAnyOrder("a", "b");
    }

    @InEveryRunMode
    void shouldCallFlatMapBatchMapperWithWholeBatches(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sizes = new TestingSink<>();
        flow.input("in", new TestingSource<Integer>(range(0, 100), 10))
                .flatMapBatch("sizes", batch -> List.of(batch.size()))
                .output("out", sizes);

        mode.run(flow);

        assertThat(sizes.items()).allSatisfy(size -> assertThat(size).isPositive());
        assertThat(sizes.items().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
    }

    @InEveryRunMode
    void shouldLetFlatMapBatchMapperModifyAndReturnItsBatch(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        flow.input("in", new TestingSource<Integer>(range(0, 10), 4))
                .flatMapBatch("odd_doubled", batch -> {
                    batch.removeIf(x -> x % 2 == 0);
                    batch.replaceAll(x -> x * 2);
                    return batch;
                })
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(2, 6, 10, 14, 18);
    }

    @InEveryRunMode
    void shouldLetFlatMapBatchMapperGrowItsBatch(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        flow.input("in", new TestingSource<Integer>(range(0, 3000), 1000))
                .flatMapBatch("twice", batch -> {
                    batch.addAll(new ArrayList<>(batch));
                    batch.add(0, -1);
                    return batch;
                })
                .output("out", sink);

        mode.run(flow);

        List<Integer> expected = new ArrayList<>();
        for (int x : range(0, 3000)) {
            expected.add(x);
            expected.add(x);
        }
        assertThat(sink.items()).filteredOn(x -> x >= 0).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(sink.items()).filteredOn(x -> x < 0).isNotEmpty();
    }

    @InEveryRunMode
    void shouldEmitWhateverFlatMapBatchMapperReturns(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<String> sink = new TestingSink<>();
        flow.input("in", new TestingSource<Integer>(range(0, 3000), 1500))
                .flatMapBatch("twice", batch -> {
                    List<String> out = new ArrayList<>();
                    for (int x : batch) {
                        out.add(x + "a");
                        out.add(x + "b");
                    }
                    return out;
                })
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).hasSize(6000).contains("0a", "0b", "2999a", "2999b");
    }

    @InEveryRunMode
    void shouldSplitStreamInTwoByBranchPredicate(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> evens = new TestingSink<>();
        TestingSink<Integer> odds = new TestingSink<>();
        Branch<Integer> branch = flow.input("in", new TestingSource<Integer>(range(0, 10), 3))
                .branch("is_even", x -> x % 2 == 0);
        branch.trues().output("evens", evens);
        branch.falses().output("odds", odds);

        mode.run(flow);

        assertThat(evens.items()).containsExactlyInAnyOrder(0, 2, 4, 6, 8);
        assertThat(odds.items()).containsExactlyInAnyOrder(1, 3, 5, 7, 9);
    }

    @InEveryRunMode
    void shouldBranchWhenEveryItemGoesOneWay(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> trues = new TestingSink<>();
        TestingSink<Integer> falses = new TestingSink<>();
        Branch<Integer> branch = flow.input("in", new TestingSource<Integer>(range(0, 10), 3))
                .branch("positive", x -> x >= 0);
        branch.trues().output("trues", trues);
        branch.falses().output("falses", falses);

        mode.run(flow);

        assertThat(trues.items()).containsExactlyInAnyOrderElementsOf(range(0, 10));
        assertThat(falses.items()).isEmpty();
    }

    @InEveryRunMode
    void shouldMergeEveryItemOfEveryStream(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        Stream<Integer> low = flow.input("low", new TestingSource<Integer>(range(0, 50), 5));
        Stream<Integer> high = flow.input("high", new TestingSource<Integer>(range(50, 100), 5));
        Stream<Integer> more = flow.input("more", new TestingSource<Integer>(range(100, 120), 5));
        flow.merge("all", low, high, more).output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrderElementsOf(range(0, 120));
    }

    @InEveryRunMode
    void shouldMergeStreamWithItself(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        Stream<Integer> numbers = flow.input("in", new TestingSource<Integer>(List.of(1, 2, 3)));
        numbers.merge("twice", numbers).output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(1, 1, 2, 2, 3, 3);
    }

    @InEveryRunMode
    void shouldGiveEveryReaderOfStreamEveryItem(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> doubled = new TestingSink<>();
        TestingSink<Integer> negated = new TestingSink<>();
        Stream<Integer> numbers = flow.input("in", new TestingSource<Integer>(range(0, 10), 4));
        numbers.map("double", x -> x * 2).output("doubled", doubled);
        numbers.map("negate", x -> -x).output("negated", negated);

        mode.run(flow);

        assertThat(doubled.items()).containsExactlyInAnyOrder(0, 2, 4, 6, 8, 10, 12, 14, 16, 18);
        assertThat(negated.items()).containsExactlyInAnyOrder(0, -1, -2, -3, -4, -5, -6, -7, -8, -9);
    }

    @InEveryRunMode
    void shouldKeepEveryItemWhenRedistributing(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        flow.input("in", new TestingSource<Integer>(range(0, 1000), 50))
                .redistribute("spread")
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrderElementsOf(range(0, 1000));
    }

    @InEveryRunMode
    void shouldSpreadItemsOverEveryWorkerWhenRedistributing(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        Set<Integer> workersSeen = new ConcurrentSkipListSet<>();
        flow.input("in", new TestingSource<Integer>(range(0, 300), 50))
                .redistribute("spread")
                .inspectDebug("where", (step, item, epoch, worker) -> workersSeen.add(worker));

        mode.run(flow);

        assertThat(workersSeen).containsExactlyElementsOf(new TreeSet<>(range(0, mode.workers())));
    }

    /** What an inspector saw: an item with its epoch and worker. */
    record Seen(String step, int item, long epoch, int worker) {
    }

    @InEveryRunMode
    void shouldShowInspectDebugEachItemWithItsEpochAndWorker(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        TestingSink<Integer> sink = new TestingSink<>();
        flow.input("in", new TestingSource<Integer>(range(0, 6), 2))
                .inspectDebug("look", (step, item, epoch, worker) -> seen.add(new Seen(step, item, epoch, worker)))
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(seen).extracting(Seen::step).containsOnly("flow.look");
        assertThat(seen).extracting(Seen::worker).containsOnly(seen.get(0).worker());
        assertThat(seen.get(0).worker()).isBetween(0, mode.workers() - 1);
        // With an epoch interval of zero, every batch of the source is its own epoch.
        Map<Long, Set<Integer>> byEpoch = new TreeMap<>();
        seen.forEach(s -> byEpoch.computeIfAbsent(s.epoch(), e -> new TreeSet<>()).add(s.item()));
        assertThat(byEpoch.values()).containsExactly(Set.of(0, 1), Set.of(2, 3), Set.of(4, 5));
        assertThat(byEpoch.keySet()).as("epochs count from 1, as in Bytewax").first().isEqualTo(1L);
    }

    @InEveryRunMode
    void shouldCountInspectDebugAsOutput(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        flow.input("in", new TestingSource<Integer>(range(0, 5)))
                .inspectDebug("look", (step, item, epoch, worker) -> seen.add(item));

        mode.run(flow);

        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }
}
