package dev.weft.engine.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@link Reachability} tracker on small graphs, driven step by step: what each operator input's
 * frontier is after every {@link Reachability#propagateAll()}.
 */
@Timeout(30)
class ReachabilityTest {

    private static final TimeDomain EPOCHS = TimeDomain.EPOCHS;
    private static final TimeDomain LOOP = EPOCHS.product(16);

    /** The frontier at {@code location}, formatted and sorted. */
    private static List<String> frontier(Reachability tracker, int location) {
        LongAntichain frontier = tracker.frontier(location);
        long[] times = new long[frontier.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = frontier.get(i);
        }
        Arrays.sort(times);
        List<String> out = new ArrayList<>();
        for (long t : times) {
            out.add(tracker.domain().format(t));
        }
        return out;
    }

    /** Reads and clears the tracker's frontier changes at operator inputs. */
    private static List<String> takePushedChanges(Reachability tracker) {
        PointstampBatch pushed = tracker.pushedChanges();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pushed.size(); i++) {
            out.add(tracker.describe(pushed.location(i)) + " at " + tracker.domain().format(pushed.time(i)) + ": "
                    + (pushed.diff(i) > 0 ? "+" : "") + pushed.diff(i));
        }
        pushed.clear();
        return out;
    }

    /** Reads and clears what internal pointstamps imply at scope output {@code output}. */
    private static List<String> takeOutputChanges(Reachability tracker, int output) {
        LongChangeBatch changes = tracker.outputChanges(output);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            out.add(tracker.domain().format(changes.time(i)) + ": " + (changes.diff(i) > 0 ? "+" : "") + changes.diff(i));
        }
        changes.clear();
        return out;
    }

    private static void propagateAndTerminate(Reachability tracker) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), tracker::propagateAll,
                "propagation did not terminate: +1/-1 chasing each other round a loop?");
    }

    private static PathSummary[][][] connect(PathSummary... antichain) {
        return new PathSummary[][][] {{antichain}};
    }

    /** source -> map -> sink, in epochs. */
    @Nested
    class Chain {

        private final Reachability.Builder builder = new Reachability.Builder(EPOCHS);
        private final int scope = builder.addNode("scope", 0, 0, new PathSummary[0][0][]);
        private final int source = builder.addNode("source", 0, 1, new PathSummary[0][1][]);
        private final int map = builder.addNode("map", 1, 1, Reachability.identity(EPOCHS, 1, 1));
        private final int sink = builder.addNode("sink", 1, 0, new PathSummary[1][0][]);
        private final Reachability tracker;
        private final int capability;
        private final int mapInput;
        private final int sinkInput;

        Chain() {
            builder.addEdge(source, 0, map, 0);
            builder.addEdge(map, 0, sink, 0);
            tracker = builder.build();
            capability = tracker.source(source, 0);
            mapInput = tracker.target(map, 0);
            sinkInput = tracker.target(sink, 0);
        }

        @Test
        void shouldStartWithEveryFrontierEmptyAndNothingTracked() {
            assertThat(frontier(tracker, mapInput)).isEmpty();
            assertThat(frontier(tracker, sinkInput)).isEmpty();
            assertThat(tracker.trackingAnything()).isFalse();
            assertThat(tracker.hasPendingUpdates()).isFalse();
            assertThat(tracker.recordsInFlight()).isZero();
        }

        @Test
        void shouldHoldEveryDownstreamInputAtTheSourcesCapability() {
            tracker.update(capability, 0, 1);

            assertThat(tracker.hasPendingUpdates()).isTrue();
            assertThat(tracker.trackingAnything()).isTrue();
            assertThat(frontier(tracker, mapInput)).as("buffered until propagated").isEmpty();

            tracker.propagateAll();

            assertThat(tracker.hasPendingUpdates()).isFalse();
            assertThat(tracker.trackingAnything()).isTrue();
            assertThat(frontier(tracker, mapInput)).containsExactly("0");
            assertThat(frontier(tracker, sinkInput)).containsExactly("0");
            assertThat(frontier(tracker, capability)).containsExactly("0");
            assertThat(tracker.capabilityCount(source)).isEqualTo(1);
            assertThat(tracker.capabilityCount(map)).isZero();
            assertThat(tracker.pointstampCount(capability, 0)).isEqualTo(1);
            assertThat(takePushedChanges(tracker))
                    .containsExactly("input 0 of 'map' at 0: +1", "input 0 of 'sink' at 0: +1");
        }

        @Test
        void shouldAdvanceDownstreamFrontiersWhenTheCapabilityIsDowngraded() {
            tracker.update(capability, 0, 1);
            tracker.propagateAll();
            takePushedChanges(tracker);

            tracker.update(capability, 0, -1);
            tracker.update(capability, 3, 1);
            tracker.propagateAll();

            assertThat(frontier(tracker, mapInput)).containsExactly("3");
            assertThat(frontier(tracker, sinkInput)).containsExactly("3");
            assertThat(tracker.capabilityCount(source)).isEqualTo(1);
            assertThat(takePushedChanges(tracker)).containsExactly(
                    "input 0 of 'map' at 0: -1", "input 0 of 'map' at 3: +1",
                    "input 0 of 'sink' at 0: -1", "input 0 of 'sink' at 3: +1");
        }

        @Test
        void shouldEmptyEveryFrontierWhenTheLastCapabilityIsDropped() {
            tracker.update(capability, 0, 1);
            tracker.propagateAll();
            takePushedChanges(tracker);

            tracker.update(capability, 0, -1);
            tracker.propagateAll();

            assertThat(frontier(tracker, mapInput)).isEmpty();
            assertThat(frontier(tracker, sinkInput)).isEmpty();
            assertThat(tracker.trackingAnything()).isFalse();
            assertThat(tracker.capabilityCount(source)).isZero();
            assertThat(takePushedChanges(tracker))
                    .containsExactly("input 0 of 'map' at 0: -1", "input 0 of 'sink' at 0: -1");
        }

        @Test
        void shouldHoldAnInputAtTheTimeOfRecordsInFlightToIt() {
            tracker.update(capability, 0, 1);
            tracker.update(mapInput, 0, 2);
            tracker.propagateAll();

            // The source downgrades to 5, but two records at 0 are still on their way to map.
            tracker.update(capability, 0, -1);
            tracker.update(capability, 5, 1);
            tracker.propagateAll();

            assertThat(frontier(tracker, mapInput)).containsExactly("0");
            assertThat(frontier(tracker, sinkInput)).containsExactly("0");
            assertThat(tracker.recordsInFlight()).isEqualTo(2);
            assertThat(tracker.describeOutstanding()).isEqualTo(
                    "  2 record(s) in flight to input 0 of 'map' at time 0\n"
                            + "  1 capability(ies) held at output 0 of 'source' at time 5\n");

            // map consumes both and sends one record on to sink.
            tracker.update(mapInput, 0, -2);
            tracker.update(sinkInput, 0, 1);
            tracker.propagateAll();

            assertThat(frontier(tracker, mapInput)).containsExactly("5");
            assertThat(frontier(tracker, sinkInput)).containsExactly("0");
            assertThat(tracker.recordsInFlight()).isEqualTo(1);

            tracker.update(sinkInput, 0, -1);
            tracker.propagateAll();

            assertThat(frontier(tracker, sinkInput)).containsExactly("5");
            assertThat(tracker.recordsInFlight()).isZero();
        }

        @Test
        void shouldKeepTheEarliestOfSeveralCapabilities() {
            tracker.update(capability, 5, 1);
            tracker.update(capability, 3, 1);
            tracker.propagateAll();

            assertThat(frontier(tracker, sinkInput)).containsExactly("3");

            tracker.update(capability, 3, -1);
            tracker.propagateAll();

            assertThat(frontier(tracker, sinkInput)).containsExactly("5");
        }

        @Test
        void shouldApplyABatchOfUpdatesAsOne() {
            PointstampBatch invocation = new PointstampBatch();
            invocation.update(capability, 0, 1);
            invocation.update(mapInput, 0, 1);
            tracker.updateAll(invocation);
            tracker.propagateAll();
            takePushedChanges(tracker);

            PointstampBatch next = new PointstampBatch();
            next.update(mapInput, 0, -1);
            next.update(capability, 0, -1);
            next.update(capability, 2, 1);
            tracker.updateAll(next);
            tracker.propagateAll();

            assertThat(frontier(tracker, mapInput)).containsExactly("2");
            assertThat(takePushedChanges(tracker)).containsExactly(
                    "input 0 of 'map' at 0: -1", "input 0 of 'map' at 2: +1",
                    "input 0 of 'sink' at 0: -1", "input 0 of 'sink' at 2: +1");
        }

        @Test
        void shouldDoNothingForUpdatesThatCancelBeforePropagating() {
            tracker.update(capability, 0, 1);
            tracker.update(capability, 0, -1);

            assertThat(tracker.hasPendingUpdates()).isFalse();
            tracker.propagateAll();

            assertThat(takePushedChanges(tracker)).isEmpty();
            assertThat(tracker.trackingAnything()).isFalse();
        }

        @Test
        void shouldNotLetTheConsumersEarlyDecrementReleaseAnInput() {
            tracker.update(capability, 0, 1);
            tracker.propagateAll();

            // map's worker reports consuming a record at 0 before the source's worker reports sending it.
            tracker.update(mapInput, 0, -1);
            tracker.update(sinkInput, 0, 1);
            tracker.propagateAll();

            assertThat(tracker.pointstampCount(mapInput, 0)).isEqualTo(-1);
            assertThat(frontier(tracker, mapInput)).containsExactly("0");
            assertThat(frontier(tracker, sinkInput)).containsExactly("0");

            // The source's report arrives: the record was sent, and the capability kept.
            tracker.update(mapInput, 0, 1);
            tracker.propagateAll();

            assertThat(tracker.pointstampCount(mapInput, 0)).isZero();
            assertThat(frontier(tracker, mapInput)).containsExactly("0");

            // The source drops its capability: map's input is done, sink still has the record.
            tracker.update(capability, 0, -1);
            tracker.propagateAll();

            assertThat(frontier(tracker, mapInput)).isEmpty();
            assertThat(frontier(tracker, sinkInput)).containsExactly("0");
        }

        @Test
        void shouldNotLetANegativeCountCancelAnImplicationArrivingFromUpstream() {
            // Raw counts entering the propagation would sum +1 (from the capability) and -1 here to zero.
            tracker.update(capability, 0, 1);
            tracker.update(mapInput, 0, -1);
            tracker.propagateAll();

            assertThat(frontier(tracker, mapInput)).containsExactly("0");
            assertThat(frontier(tracker, sinkInput)).containsExactly("0");
        }

        @Test
        void shouldNotLetANegativeCountHoldBackAFrontier() {
            tracker.update(mapInput, 2, -1);
            tracker.update(mapInput, 7, 1);
            tracker.propagateAll();

            assertThat(frontier(tracker, mapInput)).containsExactly("7");
            assertThat(frontier(tracker, sinkInput)).containsExactly("7");
        }

        @Test
        void shouldNumberAndDescribeLocations() {
            assertThat(tracker.nodeCount()).isEqualTo(4);
            assertThat(tracker.domain()).isSameAs(EPOCHS);
            assertThat(tracker.isTarget(mapInput)).isTrue();
            assertThat(tracker.isTarget(capability)).isFalse();
            assertThat(tracker.nodeOf(sinkInput)).isEqualTo(sink);
            assertThat(tracker.portOf(sinkInput)).isZero();
            assertThat(tracker.inputCount(map)).isEqualTo(1);
            assertThat(tracker.outputCount(map)).isEqualTo(1);
            assertThat(tracker.inputCount(source)).isZero();
            assertThat(tracker.outputCount(sink)).isZero();
            assertThat(tracker.inputCount(scope)).isZero();
            assertThat(tracker.describe(mapInput)).isEqualTo("input 0 of 'map'");
            assertThat(tracker.describe(capability)).isEqualTo("output 0 of 'source'");
            assertThat(List.of(mapInput, sinkInput, capability, tracker.source(map, 0))).doesNotHaveDuplicates();
        }

        @Test
        void shouldRefusePortsANodeDoesNotHave() {
            assertThatThrownBy(() -> tracker.target(map, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("map has no input 1");
            assertThatThrownBy(() -> tracker.source(sink, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sink has no output 0");
        }
    }

    @Test
    void shouldRefuseANodeWhoseSummaryDoesNotHaveOneRowPerInput() {
        Reachability.Builder builder = new Reachability.Builder(EPOCHS);

        assertThatThrownBy(() -> builder.addNode("join", 2, 1, Reachability.identity(EPOCHS, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'join'");
    }

    @Test
    void shouldRefuseAScopeWithoutItsBoundaryNode() {
        assertThatThrownBy(() -> new Reachability.Builder(EPOCHS).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("node 0");
    }

    /** The loop of the worked example, over {@code domain}. */
    private static final class LoopGraph {
        final Reachability tracker;
        final int input;
        final int head;
        final int feedback;
        final int capability;
        final int headFromInput;
        final int headFromFeedback;
        final int feedbackInput;
        final int scopeOutput;

        LoopGraph(TimeDomain domain) {
            Reachability.Builder builder = new Reachability.Builder(domain);
            int scope = builder.addNode("scope", 1, 0, new PathSummary[1][0][]);
            input = builder.addNode("input", 0, 1, new PathSummary[0][1][]);
            head = builder.addNode("head", 2, 1, Reachability.identity(domain, 2, 1));
            feedback = builder.addNode("feedback", 1, 1, connect(PathSummary.nextIteration(domain)));
            builder.addEdge(input, 0, head, 0);
            builder.addEdge(head, 0, feedback, 0);
            builder.addEdge(feedback, 0, head, 1);
            builder.addEdge(head, 0, scope, 0);
            tracker = builder.build();
            capability = tracker.source(input, 0);
            headFromInput = tracker.target(head, 0);
            headFromFeedback = tracker.target(head, 1);
            feedbackInput = tracker.target(feedback, 0);
            scopeOutput = tracker.target(scope, 0);
        }
    }

    /**
     * The worked example: a loop in (epoch, iteration) time. input feeds the loop head's first input;
     * the head's output goes to the scope output and to feedback, which adds one iteration and feeds
     * the head's second input.
     */
    @Nested
    class Loop {

        private final LoopGraph loop = new LoopGraph(LOOP);
        private final Reachability tracker = loop.tracker;
        private final int head = loop.head;
        private final int feedback = loop.feedback;
        private final int capability = loop.capability;
        private final int headFromInput = loop.headFromInput;
        private final int headFromFeedback = loop.headFromFeedback;
        private final int feedbackInput = loop.feedbackInput;
        private final int scopeOutput = loop.scopeOutput;

        @Test
        void shouldDriveTheWorkedExampleToCompletion() {
            // 1. input holds a capability at (0, 0).
            tracker.update(capability, LOOP.time(0, 0), 1);
            propagateAndTerminate(tracker);

            assertThat(frontier(tracker, headFromInput)).containsExactly("(0, 0)");
            assertThat(frontier(tracker, headFromFeedback)).as("one lap round the loop").containsExactly("(0, 1)");
            assertThat(frontier(tracker, feedbackInput)).containsExactly("(0, 0)");
            assertThat(frontier(tracker, scopeOutput)).containsExactly("(0, 0)");
            assertThat(takePushedChanges(tracker)).containsExactly(
                    "input 0 of the scope boundary at (0, 0): +1",
                    "input 0 of 'head' at (0, 0): +1",
                    "input 1 of 'head' at (0, 1): +1",
                    "input 0 of 'feedback' at (0, 0): +1");

            // 2. A record at (0, 3) is on its way from feedback to the head: it changes no frontier.
            tracker.update(headFromFeedback, LOOP.time(0, 3), 1);
            propagateAndTerminate(tracker);

            assertThat(frontier(tracker, headFromInput)).containsExactly("(0, 0)");
            assertThat(frontier(tracker, headFromFeedback)).containsExactly("(0, 1)");
            assertThat(frontier(tracker, feedbackInput)).containsExactly("(0, 0)");
            assertThat(frontier(tracker, scopeOutput)).containsExactly("(0, 0)");
            assertThat(takePushedChanges(tracker)).isEmpty();

            // 3. input drops its capability: only the record at (0, 3) holds the loop back.
            tracker.update(capability, LOOP.time(0, 0), -1);
            propagateAndTerminate(tracker);

            assertThat(frontier(tracker, headFromInput)).isEmpty();
            assertThat(frontier(tracker, headFromFeedback)).containsExactly("(0, 3)");
            assertThat(frontier(tracker, feedbackInput)).containsExactly("(0, 3)");
            assertThat(frontier(tracker, scopeOutput)).containsExactly("(0, 3)");
            assertThat(tracker.trackingAnything()).isTrue();
            assertThat(takePushedChanges(tracker)).containsExactly(
                    "input 0 of the scope boundary at (0, 0): -1",
                    "input 0 of the scope boundary at (0, 3): +1",
                    "input 0 of 'head' at (0, 0): -1",
                    "input 1 of 'head' at (0, 1): -1",
                    "input 1 of 'head' at (0, 3): +1",
                    "input 0 of 'feedback' at (0, 0): -1",
                    "input 0 of 'feedback' at (0, 3): +1");

            // 4. The head consumes the record and produces nothing: the loop is done.
            tracker.update(headFromFeedback, LOOP.time(0, 3), -1);
            propagateAndTerminate(tracker);

            assertThat(frontier(tracker, headFromInput)).isEmpty();
            assertThat(frontier(tracker, headFromFeedback)).isEmpty();
            assertThat(frontier(tracker, feedbackInput)).isEmpty();
            assertThat(frontier(tracker, scopeOutput)).isEmpty();
            assertThat(frontier(tracker, tracker.source(head, 0))).isEmpty();
            assertThat(frontier(tracker, tracker.source(feedback, 0))).isEmpty();
            assertThat(tracker.trackingAnything()).isFalse();
            assertThat(tracker.recordsInFlight()).isZero();
            assertThat(takePushedChanges(tracker)).containsExactly(
                    "input 0 of the scope boundary at (0, 3): -1",
                    "input 1 of 'head' at (0, 3): -1",
                    "input 0 of 'feedback' at (0, 3): -1");
        }

        @Test
        void shouldFollowARecordRoundTheLoopOneIterationAtATime() {
            tracker.update(headFromInput, LOOP.time(0, 0), 1);
            propagateAndTerminate(tracker);
            assertThat(frontier(tracker, headFromFeedback)).containsExactly("(0, 1)");

            // The head consumes the record and sends it on to feedback.
            tracker.update(headFromInput, LOOP.time(0, 0), -1);
            tracker.update(feedbackInput, LOOP.time(0, 0), 1);
            propagateAndTerminate(tracker);
            for (int iteration = 0; iteration < 5; iteration++) {
                assertThat(frontier(tracker, feedbackInput)).containsExactly("(0, " + iteration + ")");
                assertThat(frontier(tracker, headFromFeedback)).containsExactly("(0, " + (iteration + 1) + ")");
                assertThat(frontier(tracker, scopeOutput)).containsExactly("(0, " + (iteration + 1) + ")");

                // feedback forwards it to the head, one iteration later ...
                tracker.update(feedbackInput, LOOP.time(0, iteration), -1);
                tracker.update(headFromFeedback, LOOP.time(0, iteration + 1), 1);
                propagateAndTerminate(tracker);
                assertThat(frontier(tracker, headFromFeedback)).containsExactly("(0, " + (iteration + 1) + ")");
                assertThat(frontier(tracker, feedbackInput)).containsExactly("(0, " + (iteration + 1) + ")");

                // ... and the head sends it round again.
                tracker.update(headFromFeedback, LOOP.time(0, iteration + 1), -1);
                tracker.update(feedbackInput, LOOP.time(0, iteration + 1), 1);
                propagateAndTerminate(tracker);
            }

            // feedback drops it (the loop's exit condition held).
            tracker.update(feedbackInput, LOOP.time(0, 5), -1);
            propagateAndTerminate(tracker);

            assertThat(frontier(tracker, feedbackInput)).isEmpty();
            assertThat(frontier(tracker, headFromFeedback)).isEmpty();
            assertThat(frontier(tracker, scopeOutput)).isEmpty();
            assertThat(tracker.trackingAnything()).isFalse();
        }

        @Test
        void shouldLetALaterEpochIterateWhileAnEarlierOneIsStillLooping() {
            tracker.update(capability, LOOP.time(0, 0), 1);
            tracker.update(capability, LOOP.time(1, 0), 1);
            tracker.update(headFromFeedback, LOOP.time(0, 5), 1);
            propagateAndTerminate(tracker);

            assertThat(frontier(tracker, headFromFeedback)).containsExactly("(0, 1)");

            tracker.update(capability, LOOP.time(0, 0), -1);
            propagateAndTerminate(tracker);

            // Epoch 0 is at iteration 5; epoch 1 could arrive at any iteration from 1: incomparable.
            assertThat(frontier(tracker, headFromInput)).containsExactly("(1, 0)");
            assertThat(frontier(tracker, headFromFeedback)).containsExactly("(0, 5)", "(1, 1)");
            assertThat(frontier(tracker, feedbackInput)).containsExactly("(0, 5)", "(1, 0)");
            assertThat(frontier(tracker, scopeOutput)).containsExactly("(0, 5)", "(1, 0)");

            tracker.update(headFromFeedback, LOOP.time(0, 5), -1);
            propagateAndTerminate(tracker);

            assertThat(frontier(tracker, headFromFeedback)).containsExactly("(1, 1)");
            assertThat(frontier(tracker, scopeOutput)).containsExactly("(1, 0)");
        }

        @Test
        void shouldStopPropagatingAtTheLastIteration() {
            TimeDomain twoBits = EPOCHS.product(2);
            LoopGraph small = new LoopGraph(twoBits);

            small.tracker.update(small.feedbackInput, twoBits.time(0, 3), 1);
            propagateAndTerminate(small.tracker);

            // The feedback path from iteration 3 overflows two bits: nothing reaches the head.
            assertThat(frontier(small.tracker, small.feedbackInput)).containsExactly("(0, 3)");
            assertThat(frontier(small.tracker, small.headFromFeedback)).isEmpty();
            assertThat(frontier(small.tracker, small.scopeOutput)).isEmpty();

            small.tracker.update(small.capability, twoBits.time(0, 0), 1);
            propagateAndTerminate(small.tracker);

            assertThat(frontier(small.tracker, small.headFromFeedback)).containsExactly("(0, 1)");
        }

        @Test
        void shouldNotLetAnEarlyDecrementInTheLoopReleaseTheHead() {
            tracker.update(capability, LOOP.time(0, 0), 1);
            propagateAndTerminate(tracker);

            // The head reports consuming (0, 3) before feedback reports sending it.
            tracker.update(headFromFeedback, LOOP.time(0, 3), -1);
            tracker.update(capability, LOOP.time(0, 0), -1);
            tracker.update(capability, LOOP.time(0, 2), 1);
            propagateAndTerminate(tracker);

            assertThat(frontier(tracker, headFromFeedback)).containsExactly("(0, 3)");
            assertThat(frontier(tracker, headFromInput)).containsExactly("(0, 2)");

            tracker.update(headFromFeedback, LOOP.time(0, 3), 1);
            tracker.update(capability, LOOP.time(0, 2), -1);
            propagateAndTerminate(tracker);

            assertThat(frontier(tracker, headFromFeedback)).isEmpty();
            assertThat(tracker.trackingAnything()).isFalse();
        }

        @Test
        void shouldReportTheLoopAsThePathsFromItsLocationsToTheScopeOutput() {
            assertThat(tracker.describe(scopeOutput)).isEqualTo("input 0 of the scope boundary");

            tracker.update(feedbackInput, LOOP.time(2, 4), 1);
            propagateAndTerminate(tracker);

            // feedback -> head (+1 iteration) -> scope output.
            assertThat(takeOutputChanges(tracker, 0)).containsExactly("(2, 5): +1");
            assertThat(tracker.capabilityCount(feedback)).isZero();
            assertThat(tracker.capabilityCount(head)).isZero();
        }
    }

    @Test
    void shouldTrackALoopNestedInALoop() {
        TimeDomain inner = LOOP.product(8);
        LoopGraph loop = new LoopGraph(inner);

        loop.tracker.update(loop.capability, inner.time(3, 2, 0), 1);
        loop.tracker.update(loop.headFromFeedback, inner.time(2, 7, 4), 1);
        propagateAndTerminate(loop.tracker);

        assertThat(frontier(loop.tracker, loop.headFromInput)).containsExactly("(3, 2, 0)");
        assertThat(frontier(loop.tracker, loop.headFromFeedback)).containsExactly("(2, 7, 4)", "(3, 2, 1)");
        assertThat(frontier(loop.tracker, loop.scopeOutput)).containsExactly("(2, 7, 4)", "(3, 2, 0)");

        loop.tracker.update(loop.headFromFeedback, inner.time(2, 7, 4), -1);
        loop.tracker.update(loop.capability, inner.time(3, 2, 0), -1);
        propagateAndTerminate(loop.tracker);

        assertThat(loop.tracker.trackingAnything()).isFalse();
        assertThat(frontier(loop.tracker, loop.headFromFeedback)).isEmpty();
    }

    @Test
    void shouldReachEveryInputOfAWideFanOut() {
        Reachability.Builder builder = new Reachability.Builder(EPOCHS);
        builder.addNode("scope", 0, 0, new PathSummary[0][0][]);
        int source = builder.addNode("source", 0, 1, new PathSummary[0][1][]);
        List<Integer> sinks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int sink = builder.addNode("sink" + i, 1, 0, new PathSummary[1][0][]);
            builder.addEdge(source, 0, sink, 0);
            sinks.add(sink);
        }
        Reachability tracker = builder.build();

        tracker.update(tracker.source(source, 0), 4, 1);
        tracker.propagateAll();

        for (int sink : sinks) {
            assertThat(frontier(tracker, tracker.target(sink, 0))).containsExactly("4");
        }
        assertThat(tracker.pushedChanges().size()).isEqualTo(300);
    }

    @Test
    void shouldApplyThousandsOfBufferedUpdatesAtOnce() {
        Reachability.Builder builder = new Reachability.Builder(EPOCHS);
        builder.addNode("scope", 0, 0, new PathSummary[0][0][]);
        int map = builder.addNode("map", 1, 1, Reachability.identity(EPOCHS, 1, 1));
        int sink = builder.addNode("sink", 1, 0, new PathSummary[1][0][]);
        builder.addEdge(map, 0, sink, 0);
        Reachability tracker = builder.build();
        int mapInput = tracker.target(map, 0);

        for (long t = 5_000; t >= 1; t--) {
            tracker.update(mapInput, t, 1);
            if (t % 2 == 0) {
                tracker.update(mapInput, t, -1);
            }
        }
        tracker.propagateAll();

        assertThat(frontier(tracker, mapInput)).containsExactly("1");
        assertThat(frontier(tracker, tracker.target(sink, 0))).containsExactly("1");
        assertThat(tracker.recordsInFlight()).isEqualTo(2_500);

        for (long t = 1; t < 4_000; t += 2) {
            tracker.update(mapInput, t, -1);
        }
        tracker.propagateAll();

        assertThat(frontier(tracker, tracker.target(sink, 0))).containsExactly("4001");
    }

    @Test
    void shouldRefuseACycleWithoutAFeedbackEdgeNamingItsLocations() {
        Reachability.Builder builder = new Reachability.Builder(LOOP);
        int scope = builder.addNode("scope", 1, 0, new PathSummary[1][0][]);
        int input = builder.addNode("input", 0, 1, new PathSummary[0][1][]);
        int head = builder.addNode("head", 2, 1, Reachability.identity(LOOP, 2, 1));
        int back = builder.addNode("back", 1, 1, Reachability.identity(LOOP, 1, 1));
        builder.addEdge(input, 0, head, 0);
        builder.addEdge(head, 0, back, 0);
        builder.addEdge(back, 0, head, 1);
        builder.addEdge(head, 0, scope, 0);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cycle that does not advance time")
                .hasMessageContaining("input 1 of 'head'")
                .hasMessageContaining("output 0 of 'head'")
                .hasMessageContaining("input 0 of 'back'")
                .hasMessageContaining("output 0 of 'back'")
                .message().doesNotContain("'input'").doesNotContain("input 0 of 'head'");
    }

    @Test
    void shouldNameOnlyTheLocationsOnTheCycleWhenRefusingIt() {
        Reachability.Builder builder = new Reachability.Builder(LOOP);
        int scope = builder.addNode("scope", 1, 0, new PathSummary[1][0][]);
        int head = builder.addNode("head", 1, 1, Reachability.identity(LOOP, 1, 1));
        int back = builder.addNode("back", 1, 1, Reachability.identity(LOOP, 1, 1));
        int sink = builder.addNode("sink", 1, 0, new PathSummary[1][0][]);
        builder.addEdge(head, 0, back, 0);
        builder.addEdge(back, 0, head, 0);
        // Downstream of the cycle, not on it:
        builder.addEdge(head, 0, sink, 0);
        builder.addEdge(back, 0, scope, 0);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("input 0 of 'head'")
                .hasMessageContaining("input 0 of 'back'")
                .message().doesNotContain("'sink'").doesNotContain("scope boundary");
    }

    @Test
    void shouldRefuseAnOperatorFeedingItsOwnInputUnchanged() {
        Reachability.Builder builder = new Reachability.Builder(EPOCHS);
        builder.addNode("scope", 0, 0, new PathSummary[0][0][]);
        int self = builder.addNode("self", 1, 1, Reachability.identity(EPOCHS, 1, 1));
        builder.addEdge(self, 0, self, 0);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("input 0 of 'self'").hasMessageContaining("output 0 of 'self'");
    }

    @Test
    void shouldAcceptACycleThatAdvancesOnlyTheOuterTime() {
        Reachability.Builder builder = new Reachability.Builder(LOOP);
        builder.addNode("scope", 0, 0, new PathSummary[0][0][]);
        int delay = builder.addNode("delay", 1, 1, connect(PathSummary.of(LOOP, 1, 0)));
        builder.addEdge(delay, 0, delay, 0);
        Reachability tracker = builder.build();

        tracker.update(tracker.target(delay, 0), LOOP.time(4, 2), 1);
        propagateAndTerminate(tracker);

        assertThat(frontier(tracker, tracker.target(delay, 0))).containsExactly("(4, 2)");
        assertThat(frontier(tracker, tracker.source(delay, 0))).containsExactly("(5, 2)");
    }

    @Test
    void shouldAcceptACycleBrokenByAnOperatorWithNoPathFromInputToOutput() {
        Reachability.Builder builder = new Reachability.Builder(EPOCHS);
        builder.addNode("scope", 0, 0, new PathSummary[0][0][]);
        int first = builder.addNode("first", 1, 1, Reachability.identity(EPOCHS, 1, 1));
        int second = builder.addNode("second", 1, 1, new PathSummary[][][] {{new PathSummary[0]}});
        builder.addEdge(first, 0, second, 0);
        builder.addEdge(second, 0, first, 0);
        Reachability tracker = builder.build();

        tracker.update(tracker.source(second, 0), 3, 1);
        propagateAndTerminate(tracker);

        assertThat(frontier(tracker, tracker.target(first, 0))).containsExactly("3");
        assertThat(frontier(tracker, tracker.target(second, 0))).containsExactly("3");

        tracker.update(tracker.target(second, 0), 1, 1);
        tracker.update(tracker.source(second, 0), 3, -1);
        propagateAndTerminate(tracker);

        assertThat(frontier(tracker, tracker.target(second, 0))).containsExactly("1");
        assertThat(frontier(tracker, tracker.target(first, 0))).as("second's input does not reach its output")
                .isEmpty();
    }

    /**
     * A loop scope as its parent sees it. Scope input 0 enters a loop (head + feedback); scope
     * output 0 leaves from the head, output 1 through a delay (+1 epoch, or +2 iterations), output
     * 2 from the feedback. A timer inside the scope also feeds the delay. Scope input 1 goes nowhere.
     */
    @Nested
    class NestedScope {

        private final Reachability tracker;
        private final int head;
        private final int timer;

        NestedScope() {
            Reachability.Builder builder = new Reachability.Builder(LOOP);
            int scope = builder.addNode("scope", 3, 2, new PathSummary[3][2][]);
            head = builder.addNode("head", 2, 1, Reachability.identity(LOOP, 2, 1));
            int feedback = builder.addNode("feedback", 1, 1, connect(PathSummary.nextIteration(LOOP)));
            int delay = builder.addNode("delay", 1, 1, connect(PathSummary.of(LOOP, 1, 0), PathSummary.of(LOOP, 0, 2)));
            timer = builder.addNode("timer", 0, 1, new PathSummary[0][1][]);
            builder.addEdge(scope, 0, head, 0);
            builder.addEdge(head, 0, feedback, 0);
            builder.addEdge(feedback, 0, head, 1);
            builder.addEdge(head, 0, scope, 0);
            builder.addEdge(head, 0, delay, 0);
            builder.addEdge(delay, 0, scope, 1);
            builder.addEdge(feedback, 0, scope, 2);
            builder.addEdge(timer, 0, delay, 0);
            tracker = builder.build();
        }

        @Test
        void shouldSummarizeThePathsFromEachScopeInputToEachScopeOutput() {
            assertThat(tracker.scopeSummary(0, 0)).containsExactly(PathSummary.identity(LOOP));
            assertThat(tracker.scopeSummary(0, 1))
                    .containsExactlyInAnyOrder(PathSummary.of(LOOP, 1, 0), PathSummary.of(LOOP, 0, 2));
            assertThat(tracker.scopeSummary(0, 2)).as("into the loop, once through feedback")
                    .containsExactly(PathSummary.nextIteration(LOOP));
            assertThat(tracker.scopeSummary(1, 0)).isEmpty();
            assertThat(tracker.scopeSummary(1, 1)).isEmpty();
            assertThat(tracker.scopeSummary(1, 2)).isEmpty();
        }

        @Test
        void shouldSummarizeForTheParentWithTheOuterCoordinatesOnly() {
            List<PathSummary> seenFromParent = new ArrayList<>();
            for (PathSummary summary : tracker.scopeSummary(0, 1)) {
                PathSummary.insertInto(seenFromParent, summary.outerSummary());
            }

            assertThat(seenFromParent).containsExactly(PathSummary.identity(EPOCHS));
        }

        @Test
        void shouldHandOutCopiesOfTheScopeSummaries() {
            PathSummary[] summaries = tracker.scopeSummary(0, 1);
            summaries[0] = PathSummary.of(LOOP, 9, 9);

            assertThat(tracker.scopeSummary(0, 1))
                    .containsExactlyInAnyOrder(PathSummary.of(LOOP, 1, 0), PathSummary.of(LOOP, 0, 2));
        }

        @Test
        void shouldReportTheCapabilitiesOfInternalOperatorsAtTheScopeOutputs() {
            int timerOutput = tracker.source(timer, 0);
            tracker.update(timerOutput, LOOP.time(0, 5), 1);
            tracker.propagateAll();

            assertThat(takeOutputChanges(tracker, 0)).isEmpty();
            assertThat(takeOutputChanges(tracker, 1)).containsExactly("(0, 7): +1", "(1, 5): +1");
            assertThat(takeOutputChanges(tracker, 2)).isEmpty();
            assertThat(tracker.capabilityCount(timer)).isEqualTo(1);

            tracker.update(timerOutput, LOOP.time(0, 5), -1);
            tracker.update(timerOutput, LOOP.time(0, 6), 1);
            tracker.propagateAll();

            assertThat(takeOutputChanges(tracker, 1))
                    .containsExactly("(0, 7): -1", "(0, 8): +1", "(1, 5): -1", "(1, 6): +1");
        }

        @Test
        void shouldReportRecordsInFlightInsideTheLoopAtEveryScopeOutputTheyCanReach() {
            tracker.update(tracker.target(head, 1), LOOP.time(0, 3), 1);
            tracker.propagateAll();

            assertThat(takeOutputChanges(tracker, 0)).containsExactly("(0, 3): +1");
            assertThat(takeOutputChanges(tracker, 1)).containsExactly("(0, 5): +1", "(1, 3): +1");
            assertThat(takeOutputChanges(tracker, 2)).containsExactly("(0, 4): +1");
        }

        @Test
        void shouldNotReportTheScopesOwnInputsAtItsOutputs() {
            // The parent's frontier at scope input 0 holds every scope output back ...
            tracker.update(tracker.source(0, 0), LOOP.time(2, 0), 1);
            tracker.propagateAll();

            assertThat(frontier(tracker, tracker.target(0, 0))).containsExactly("(2, 0)");
            assertThat(frontier(tracker, tracker.target(0, 1))).containsExactly("(2, 2)", "(3, 0)");
            assertThat(frontier(tracker, tracker.target(0, 2))).containsExactly("(2, 1)");
            // ... but is no capability of the scope's: reporting it would keep a scope in a loop alive forever.
            assertThat(takeOutputChanges(tracker, 0)).isEmpty();
            assertThat(takeOutputChanges(tracker, 1)).isEmpty();
            assertThat(takeOutputChanges(tracker, 2)).isEmpty();
            assertThat(tracker.capabilityCount(0)).isEqualTo(1);
        }
    }
}
