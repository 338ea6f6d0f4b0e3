package dev.weft.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncoderTest {

    @Test
    void shouldRoundTripFixedWidthValues() {
        Encoder out = new Encoder(0);
        out.writeByte(-1);
        out.writeByte(0x1FF);
        out.writeBoolean(true);
        out.writeBoolean(false);
        out.writeInt(Integer.MIN_VALUE);
        out.writeInt(0x01020304);
        out.writeLong(Long.MIN_VALUE);
        out.writeLong(Long.MAX_VALUE);
        out.writeFloat(Float.NaN);
        out.writeFloat(-0.0f);
        out.writeDouble(Double.NaN);
        out.writeDouble(Double.NEGATIVE_INFINITY);
        out.writeDouble(-0.0);
        out.writeDouble(Double.MIN_VALUE);

        Decoder in = new Decoder(out.toByteArray());
        assertThat(in.readByte()).isEqualTo((byte) -1);
        assertThat(in.readByte()).isEqualTo((byte) -1);
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readBoolean()).isFalse();
        assertThat(in.readInt()).isEqualTo(Integer.MIN_VALUE);
        assertThat(in.readInt()).isEqualTo(0x01020304);
        assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(in.readLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(in.readFloat()).isNaN();
        assertThat(Float.floatToRawIntBits(in.readFloat())).isEqualTo(Float.floatToRawIntBits(-0.0f));
        assertThat(in.readDouble()).isNaN();
        assertThat(in.readDouble()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Double.doubleToRawLongBits(in.readDouble())).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(in.readDouble()).isEqualTo(Double.MIN_VALUE);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void shouldWriteFixedWidthIntsLittleEndian() {
        Encoder out = new Encoder();
        out.writeInt(0x01020304);
        assertThat(out.toByteArray()).containsExactly(4, 3, 2, 1);
    }

    @Test
    void shouldKeepNaNPayloadBits() {
        long oddNaN = 0x7ff8_0000_dead_beefL;
        Encoder out = new Encoder();
        out.writeDouble(Double.longBitsToDouble(oddNaN));
        assertThat(Double.doubleToRawLongBits(new Decoder(out.toByteArray()).readDouble())).isEqualTo(oddNaN);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE, -1, Integer.MIN_VALUE})
    void shouldRoundTripVarIntsAndZigZagInts(int value) {
        Encoder out = new Encoder();
        out.writeVarInt(value);
        out.writeZigZagInt(value);
        Decoder in = new Decoder(out.toByteArray());
        assertThat(in.readVarInt()).isEqualTo(value);
        assertThat(in.readZigZagInt()).isEqualTo(value);
        assertThat(in.hasRemaining()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 127, 128, Long.MAX_VALUE, -1, Long.MIN_VALUE, 1L << 62, -(1L << 62)})
    void shouldRoundTripVarLongsAndZigZagLongs(long value) {
        Encoder out = new Encoder();
        out.writeVarLong(value);
        out.writeZigZagLong(value);
        Decoder in = new Decoder(out.toByteArray());
        assertThat(in.readVarLong()).isEqualTo(value);
        assertThat(in.readZigZagLong()).isEqualTo(value);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void shouldWriteSmallNumbersInOneByte() {
        Encoder out = new Encoder();
        out.writeVarInt(127);
        out.writeZigZagInt(-64);
        out.writeZigZagLong(63);
        assertThat(out.position()).isEqualTo(3);
        out.writeVarInt(-1);
        assertThat(out.position()).isEqualTo(8);
        out.writeZigZagLong(Long.MIN_VALUE);
        assertThat(out.position()).isEqualTo(18);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "hello, world", "caf\u00e9", "\u00ff\u0100\u07ff\u0800\uffff", "\u65e5\u672c\u8a9e",
        "\ud83d\ude00 grinning", "\ud800", "\udc00", "x\udc00\ud800y", "\ud83d", "\u0000nul\u0000"})
    void shouldRoundTripStringsIncludingSurrogatePairsAndLoneSurrogates(String value) {
        Encoder out = new Encoder(1);
        out.writeString(value);
        out.writeString(value);
        Decoder in = new Decoder(out.toByteArray());
        assertThat(in.readString()).isEqualTo(value);
        assertThat(in.readString()).isEqualTo(value);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void shouldWriteValidUtf8ForWellFormedStrings() {
        String value = "a\u00e9\u65e5\ud83d\ude00";
        Encoder out = new Encoder();
        out.writeString(value);
        Decoder in = new Decoder(out.toByteArray());
        int length = in.readVarInt();
        byte[] body = new byte[length];
        in.readRawBytes(body, 0, length);
        assertThat(body).isEqualTo(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void shouldRoundTripLongStringsAcrossBufferGrowth() {
        String ascii = "abc".repeat(10_000);
        String mixed = "\u00e9\ud83d\ude00z".repeat(10_000);
        Encoder out = new Encoder(4);
        out.writeString(ascii);
        out.writeString(mixed);
        Decoder in = new Decoder(out.toByteArray());
        assertThat(in.readString()).isEqualTo(ascii);
        assertThat(in.readString()).isEqualTo(mixed);
    }

    @Test
    void shouldRoundTripByteArraysWithTheirLength() {
        byte[] bytes = {1, 2, 3, -128, 127};
        Encoder out = new Encoder();
        out.writeBytes(new byte[0]);
        out.writeBytes(bytes);
        out.writeBytes(bytes, 1, 2);
        out.writeRawBytes(bytes, 3, 2);
        Decoder in = new Decoder(out.toByteArray());
        assertThat(in.readBytes()).isEmpty();
        assertThat(in.readBytes()).containsExactly(bytes);
        assertThat(in.readBytes()).containsExactly(2, 3);
        byte[] raw = new byte[2];
        in.readRawBytes(raw, 0, 2);
        assertThat(raw).containsExactly(-128, 127);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void shouldReuseItsBufferAfterReset() {
        Encoder out = new Encoder(64);
        out.writeString("first value");
        byte[] backing = out.buffer();
        out.reset();
        assertThat(out.position()).isZero();
        out.writeString("second");
        assertThat(out.buffer()).isSameAs(backing);
        assertThat(new Decoder(out.buffer(), 0, out.position()).readString()).isEqualTo("second");
        assertThat(out.toByteArray()).hasSize(out.position());
    }

    @Test
    void shouldRefuseARangeOutsideTheSourceArray() {
        Encoder out = new Encoder();
        assertThatThrownBy(() -> out.writeBytes(new byte[3], 2, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new Encoder(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
