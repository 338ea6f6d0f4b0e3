package dev.weft.codec;

/**
 * One entry of a {@link CodecRegistry}: a type, the stable name that stands for it on the wire, its codec, and
 * the tag the value codec writes for it ({@link ValueCodec#TYPE_NEW} for user types, a fixed tag for built-ins).
 */
record Registration(Class<?> type, String name, Codec<Object> codec, int tag) {
}
