package dev.weft.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BatchCodecTest {

    record Order(long id, String customer, Customer owner) {
    }

    record Customer(String name) {
    }

    private final CodecRegistry registry = CodecRegistry.defaults().registerRecord(Order.class).freeze();
    private final BatchCodec batches = registry.batchCodec("exchange in step 'orders.by_customer'");

    @Test
    void shouldRoundTripAMixedTypeBatch() {
        Object[] items = {new Order(1, "a", new Customer("x")), "text", 42L, null, List.of(new Customer("y"), 3),
            Map.of("k", new Order(2, "b", null)), new byte[] {1, 2}, 2.5, 'c', true};
        Encoder out = new Encoder();
        batches.encode(items, items.length, out);
        Object[] back = batches.decode(new Decoder(out.toByteArray()));
        assertThat(back).hasSize(items.length);
        assertThat(Arrays.copyOf(back, 6)).containsExactly(Arrays.copyOf(items, 6));
        assertThat((byte[]) back[6]).containsExactly(1, 2);
        assertThat(Arrays.copyOfRange(back, 7, 10)).containsExactly(2.5, 'c', true);
    }

    @Test
    void shouldEncodeOnlyTheFirstSizeItems() {
        Object[] items = new Object[1024];
        items[0] = "first";
        items[1] = "second";
        items[2] = new Object();
        Encoder out = new Encoder();
        batches.encode(items, 2, out);
        assertThat(batches.decode(new Decoder(out.toByteArray()))).containsExactly("first", "second");
    }

    @Test
    void shouldWriteEachTypeNameOncePerBatch() {
        Object[] items = new Object[100];
        for (int i = 0; i < items.length; i++) {
            items[i] = new Order(i, "c" + i, new Customer("n" + i));
        }
        Encoder out = new Encoder();
        batches.encode(items, items.length, out);
        batches.encode(items, items.length, out);
        String bytes = new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
        assertThat(occurrences(bytes, Order.class.getName())).as("Order named once in each of two batches").isEqualTo(2);
        assertThat(occurrences(bytes, Customer.class.getName())).isEqualTo(2);

        Decoder in = new Decoder(out.toByteArray());
        assertThat(batches.decode(in)).containsExactly(items);
        assertThat(batches.decode(in)).containsExactly(items);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void shouldBeMuchSmallerThanNamingTheTypePerItem() {
        Object[] items = new Object[1024];
        Arrays.fill(items, new Customer("z"));
        Encoder out = new Encoder();
        batches.encode(items, items.length, out);
        // Per item: a type tag, an index, the string's tag, length and char; plus the name once (not 40 bytes a time).
        assertThat(out.position()).isLessThan(1024 * 5 + 100);
    }

    @Test
    void shouldRoundTripAnEmptyBatch() {
        Encoder out = new Encoder();
        batches.encode(new Object[0], 0, out);
        assertThat(batches.decode(new Decoder(out.toByteArray()))).isEmpty();
    }

    @Test
    void shouldFailOnAnUnregisteredItemNamingTypeAndChannel() {
        Object[] items = {"ok", new StringBuilder("not allowed")};
        assertThatThrownBy(() -> batches.encode(items, 2, new Encoder()))
                .isInstanceOf(CodecException.class)
                .hasMessageStartingWith("no codec for type java.lang.StringBuilder (exchange in step 'orders.by_customer');"
                        + " write a codec for it and register it with register(StringBuilder.class,"
                        + " \"java.lang.StringBuilder\", codec)");
    }

    @Test
    void shouldFailClearlyOnEveryTruncationOfABatch() {
        Object[] items = {new Order(1, "a", new Customer("x")), "text", List.of(1, 2)};
        Encoder out = new Encoder();
        batches.encode(items, items.length, out);
        byte[] bytes = out.toByteArray();
        for (int length = 0; length < bytes.length; length++) {
            Decoder in = new Decoder(bytes, 0, length);
            assertThatThrownBy(() -> batches.decode(in))
                    .as("decoding the first %d of %d bytes", length, bytes.length)
                    .isInstanceOf(CodecException.class)
                    .hasMessageContaining("truncated input")
                    .hasMessageContaining("(exchange in step 'orders.by_customer')");
        }
    }

    @Test
    void shouldRefuseABatchAnnouncingMoreItemsThanItsBytesCanHold() {
        Encoder out = new Encoder();
        out.writeVarInt(1_000_000);
        assertThatThrownBy(() -> batches.decode(new Decoder(out.toByteArray())))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("a batch at position 0 announces 1000000 items, but only 0 bytes remain");
    }

    @Test
    void shouldRefuseASizeLargerThanTheArray() {
        assertThatThrownBy(() -> batches.encode(new Object[2], 3, new Encoder()))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static int occurrences(String haystack, String needle) {
        return haystack.split(Pattern.quote(needle), -1).length - 1;
    }
}
