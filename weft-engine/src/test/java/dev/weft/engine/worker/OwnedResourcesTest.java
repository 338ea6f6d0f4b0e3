package dev.weft.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.engine.dataflow.Owned;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnedResourcesTest {

    private final OwnedResources resources = new OwnedResources();
    private final List<String> closes = new ArrayList<>();

    private AutoCloseable named(String name) {
        return () -> closes.add(name);
    }

    private AutoCloseable failing(String name) {
        return () -> {
            closes.add(name);
            throw new IOException("cannot close " + name);
        };
    }

    @Test
    void shouldCloseWhatIsStillOpenNewestFirst() {
        resources.own(named("a"));
        resources.own(named("b"));
        resources.own(named("c"));

        assertThat(resources.closeAll()).isNull();

        assertThat(closes).containsExactly("c", "b", "a");
        assertThat(resources.openCount()).isZero();
    }

    @Test
    void shouldNotCloseAgainWhatItsHandleClosedEarly() throws Exception {
        Owned a = resources.own(named("a"));
        resources.own(named("b"));

        a.close();
        a.close();
        assertThat(resources.closeAll()).isNull();
        assertThat(resources.closeAll()).isNull();

        assertThat(closes).containsExactly("a", "b");
    }

    @Test
    void shouldCountAFailedCloseAsTheOneClose() {
        Owned a = resources.own(failing("a"));

        assertThatThrownBy(a::close).isInstanceOf(IOException.class).hasMessage("cannot close a");
        assertThat(resources.closeAll()).isNull();

        assertThat(closes).containsExactly("a");
    }

    @Test
    void shouldCloseEverythingAndSuppressLaterFailuresOntoTheFirst() {
        resources.own(failing("a"));
        resources.own(named("b"));
        resources.own(failing("c"));

        Throwable failure = resources.closeAll();

        assertThat(closes).containsExactly("c", "b", "a");
        assertThat(failure).hasMessage("cannot close c");
        assertThat(failure.getSuppressed()).singleElement().satisfies(s -> assertThat(s).hasMessage("cannot close a"));
    }
}
