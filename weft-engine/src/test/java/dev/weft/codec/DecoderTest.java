package dev.weft.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecoderTest {

    @Test
    void shouldReadOnlyItsSliceAndReportPositionsFromTheSliceStart() {
        byte[] bytes = {9, 9, 1, 2, 9};
        Decoder in = new Decoder(bytes, 2, 2);
        assertThat(in.remaining()).isEqualTo(2);
        assertThat(in.readByte()).isEqualTo((byte) 1);
        assertThat(in.position()).isEqualTo(1);
        assertThat(in.readByte()).isEqualTo((byte) 2);
        assertThatThrownBy(in::readByte)
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("truncated input: reading a byte at position 2 needs 1 byte but only 0 remain");
    }

    @Test
    void shouldNameWhatWasReadAndWhereWhenAnIntIsTruncated() {
        Decoder in = new Decoder(new byte[] {7, 1, 2});
        in.readByte();
        assertThatThrownBy(in::readInt)
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("reading an int at position 1 needs 4 bytes but only 2 remain")
                .hasMessageContaining("cut short");
    }

    @Test
    void shouldFailClearlyOnTruncatedLongsDoublesAndFloats() {
        assertThatThrownBy(() -> new Decoder(new byte[7]).readLong()).hasMessageContaining("reading a long at position 0");
        assertThatThrownBy(() -> new Decoder(new byte[7]).readDouble()).hasMessageContaining("reading a double");
        assertThatThrownBy(() -> new Decoder(new byte[3]).readFloat()).hasMessageContaining("reading a float");
    }

    @Test
    void shouldFailWhenTheInputEndsInsideAVarint() {
        Decoder in = new Decoder(new byte[] {(byte) 0x80, (byte) 0x80});
        assertThatThrownBy(in::readVarInt)
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("truncated input: reading a varint at position 0")
                .hasMessageContaining("ends after 2 of its bytes");
    }

    @Test
    void shouldRefuseVarintsLongerThanTheirType() {
        byte[] six = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01};
        assertThatThrownBy(() -> new Decoder(six).readVarInt())
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("malformed input: reading a varint at position 0, got more than 32 bits");
        byte[] eleven = new byte[11];
        java.util.Arrays.fill(eleven, (byte) 0xFF);
        assertThatThrownBy(() -> new Decoder(eleven).readVarLong())
                .hasMessageContaining("got more than 64 bits");
    }

    @Test
    void shouldRefuseABooleanThatIsNeitherZeroNorOne() {
        assertThatThrownBy(() -> new Decoder(new byte[] {2}).readBoolean())
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("reading a boolean at position 0, got byte 2 (expected 0 or 1)");
    }

    @Test
    void shouldCheckAnnouncedLengthsBeforeAllocating() {
        Encoder out = new Encoder();
        out.writeVarInt(Integer.MAX_VALUE);
        out.writeByte('x');
        assertThatThrownBy(() -> new Decoder(out.toByteArray()).readString())
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("reading a string of 2147483647 UTF-8 bytes at position 0")
                .hasMessageContaining("only 1 remain");
        assertThatThrownBy(() -> new Decoder(out.toByteArray()).readBytes())
                .hasMessageContaining("reading a byte array of 2147483647 bytes at position 0");
    }

    @Test
    void shouldRefuseANegativeLength() {
        Encoder out = new Encoder();
        out.writeVarInt(-5);
        assertThatThrownBy(() -> new Decoder(out.toByteArray()).readBytes())
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("the length of a byte array at position 0 is 4294967291");
    }

    @Test
    void shouldRefuseInvalidUtf8() {
        byte[] badContinuation = {2, (byte) 0xC3, 'a'};
        assertThatThrownBy(() -> new Decoder(badContinuation).readString())
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("invalid UTF-8 in a string at position 2: byte 0x61 is not a continuation byte");
        byte[] overlong = {2, (byte) 0xC0, (byte) 0x80};
        assertThatThrownBy(() -> new Decoder(overlong).readString()).hasMessageContaining("overlong");
        byte[] cutCharacter = {2, 'a', (byte) 0xE2};
        assertThatThrownBy(() -> new Decoder(cutCharacter).readString()).hasMessageContaining("cut off");
        byte[] badLead = {1, (byte) 0xFF};
        assertThatThrownBy(() -> new Decoder(badLead).readString()).hasMessageContaining("cannot start a character");
    }

    @Test
    void shouldReadAStringWrittenByTheJdkUtf8Encoder() {
        String value = "na\u00efve \u65e5\u672c \ud83d\ude00";
        byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Encoder out = new Encoder();
        out.writeBytes(utf8);
        assertThat(new Decoder(out.toByteArray()).readString()).isEqualTo(value);
    }

    @Test
    void shouldBeReusableOnNewBytes() {
        Decoder in = new Decoder(new byte[] {1});
        in.readByte();
        in.reset(new byte[] {0, 5, 6}, 1, 2);
        assertThat(in.position()).isZero();
        assertThat(in.readByte()).isEqualTo((byte) 5);
        assertThat(in.remaining()).isEqualTo(1);
    }

    @Test
    void shouldRefuseASliceOutsideTheArray() {
        assertThatThrownBy(() -> new Decoder(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
