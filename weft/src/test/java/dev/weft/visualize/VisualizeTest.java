package dev.weft.visualize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Branch;
import dev.weft.Dataflow;
import dev.weft.JoinMode;
import dev.weft.KeyedStream;
import dev.weft.Stream;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisualizeTest {

    /** A branch, with a composite operator (count_final, itself holding reduce_final) on one side. */
    private static Dataflow branching() {
        Dataflow flow = new Dataflow("viz");
        Branch<String> split = flow.input("words", new TestingSource<String>(List.of("apple", "bob")))
                .branch("split", w -> w.startsWith("a"));
        split.trues().countFinal("count", w -> w).output("counts", new TestingSink<>());
        split.falses().map("upper", String::toUpperCase).output("others", new TestingSink<>());
        return flow;
    }

    @Test
    void shouldDrawCoreStepsCompositesAsSubgraphsAndEdgesAlongStreams() {
        assertThat(Visualize.mermaid(branching())).isEqualTo("""
                flowchart TD
                    subgraph viz["viz (dataflow)"]
                        viz_words["words (input)"]
                        viz_split["split (branch)"]
                        subgraph viz_count["count (count_final)"]
                            viz_count_key["key (flat_map_batch)"]
                            viz_count_one["one (flat_map_batch)"]
                            subgraph viz_count_sum["sum (reduce_final)"]
                                viz_count_sum_combine["combine (flat_map_batch)"]
                                viz_count_sum_reduce["reduce (stateful_batch)"]
                            end
                        end
                        viz_counts["counts (output)"]
                        viz_upper["upper (flat_map_batch)"]
                        viz_others["others (output)"]
                    end
                    viz_words --> viz_split
                    viz_split -->|trues| viz_count_key
                    viz_count_key --> viz_count_one
                    viz_count_one --> viz_count_sum_combine
                    viz_count_sum_combine --> viz_count_sum_reduce
                    viz_count_sum_reduce --> viz_counts
                    viz_split -->|falses| viz_upper
                    viz_upper --> viz_others
                """);
    }

    @Test
    void shouldListStepsWithStreamsAndNestedSubsteps() {
        assertThat(Visualize.json(branching())).isEqualTo("""
                {
                  "flowId": "viz",
                  "steps": [
                    {
                      "stepId": "viz.words",
                      "kind": "input",
                      "ups": [],
                      "downs": ["viz.words.down"]
                    },
                    {
                      "stepId": "viz.split",
                      "kind": "branch",
                      "ups": ["viz.words.down"],
                      "downs": ["viz.split.trues", "viz.split.falses"]
                    },
                    {
                      "stepId": "viz.count",
                      "kind": "count_final",
                      "ups": ["viz.split.trues"],
                      "downs": ["viz.count.sum.reduce.down"],
                      "substeps": [
                        {
                          "stepId": "viz.count.key",
                          "kind": "flat_map_batch",
                          "ups": ["viz.split.trues"],
                          "downs": ["viz.count.key.down"]
                        },
                        {
                          "stepId": "viz.count.one",
                          "kind": "flat_map_batch",
                          "ups": ["viz.count.key.down"],
                          "downs": ["viz.count.one.down"]
                        },
                        {
                          "stepId": "viz.count.sum",
                          "kind": "reduce_final",
                          "ups": ["viz.count.one.down"],
                          "downs": ["viz.count.sum.reduce.down"],
                          "substeps": [
                            {
                              "stepId": "viz.count.sum.combine",
                              "kind": "flat_map_batch",
                              "ups": ["viz.count.one.down"],
                              "downs": ["viz.count.sum.combine.down"]
                            },
                            {
                              "stepId": "viz.count.sum.reduce",
                              "kind": "stateful_batch",
                              "ups": ["viz.count.sum.combine.down"],
                              "downs": ["viz.count.sum.reduce.down"]
                            }
                          ]
                        }
                      ]
                    },
                    {
                      "stepId": "viz.counts",
                      "kind": "output",
                      "ups": ["viz.count.sum.reduce.down"],
                      "downs": []
                    },
                    {
                      "stepId": "viz.upper",
                      "kind": "flat_map_batch",
                      "ups": ["viz.split.falses"],
                      "downs": ["viz.upper.down"]
                    },
                    {
                      "stepId": "viz.others",
                      "kind": "output",
                      "ups": ["viz.upper.down"],
                      "downs": []
                    }
                  ]
                }
                """);
    }

    @Test
    void shouldRenderByFormat() {
        Dataflow flow = branching();

        assertThat(Visualize.render(flow, Visualize.Format.MERMAID)).isEqualTo(Visualize.mermaid(flow));
        assertThat(Visualize.render(flow, Visualize.Format.JSON)).isEqualTo(Visualize.json(flow));
    }

    @Test
    void shouldGiveJoinCompositeTheStreamsOfBothSides() {
        Dataflow flow = new Dataflow("j");
        KeyedStream<String, String> left = flow.input("left", new TestingSource<String>(List.of("a")))
                .keyOn("key_left", s -> s);
        KeyedStream<String, String> right = flow.input("right", new TestingSource<String>(List.of("a")))
                .keyOn("key_right", s -> s);
        left.join("join", JoinMode.DEFAULT, right).output("out", new TestingSink<>());

        String json = Visualize.json(flow);
        String mermaid = Visualize.mermaid(flow);

        assertThat(json).contains("""
                      "stepId": "j.join",
                      "kind": "join",
                      "ups": ["j.key_left.down", "j.key_right.down"],
                      "downs": ["j.join.join.down"],
                """);
        assertThat(mermaid).contains("    subgraph j_join[\"join (join)\"]\n")
                .contains("    j_key_left --> j_join_tag_0\n")
                .contains("    j_key_right --> j_join_tag_1\n")
                .contains("    j_join_tag_0 --> j_join_merge\n")
                .contains("    j_join_tag_1 --> j_join_merge\n");
    }

    @Test
    void shouldEscapeLabelsAndKeepMermaidIdsUnique() {
        Dataflow flow = new Dataflow("end");
        Stream<String> in = flow.input("in\"put#<x>&|y", new TestingSource<String>(List.of("a")));
        in.then("op-1", s -> s.map("m", x -> x)).output("out", new TestingSink<>());
        in.map("op_1", x -> x).output("o\\ut", new TestingSink<>());

        assertThat(Visualize.mermaid(flow)).isEqualTo("""
                flowchart TD
                    subgraph end_2["end (dataflow)"]
                        end_in_put__x___y["in#quot;put#35;#lt;x#gt;#amp;#124;y (input)"]
                        subgraph end_op_1["op-1 (operator)"]
                            end_op_1_m["m (flat_map_batch)"]
                        end
                        end_out["out (output)"]
                        end_op_1_2["op_1 (flat_map_batch)"]
                        end_o_ut["o\\ut (output)"]
                    end
                    end_in_put__x___y --> end_op_1_m
                    end_op_1_m --> end_out
                    end_in_put__x___y --> end_op_1_2
                    end_op_1_2 --> end_o_ut
                """);
        assertThat(Visualize.json(flow)).contains("\"stepId\": \"end.in\\\"put#<x>&|y\"")
                .contains("\"stepId\": \"end.o\\\\ut\"");
    }

    @Test
    void shouldEscapeControlCharactersInJson() {
        assertThat(Json.string("a\"b\\c\n\t\u0001\u2028é")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001\\u2028é\"");
    }

    @Test
    void shouldRenderEmptyCompositeAndFlowWithoutSteps() {
        Dataflow empty = new Dataflow("empty");
        empty.operator("nothing", () -> null);

        assertThat(Visualize.mermaid(empty)).isEqualTo("""
                flowchart TD
                    subgraph empty["empty (dataflow)"]
                        subgraph empty_nothing["nothing (operator)"]
                        end
                    end
                """);
        assertThat(Visualize.json(new Dataflow("none"))).isEqualTo("""
                {
                  "flowId": "none",
                  "steps": []
                }
                """);
    }
}
