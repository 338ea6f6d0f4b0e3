package dev.weft.codec;

/**
 * Encodes an enum constant by its name, so reordering or adding constants does not change what old bytes mean.
 */
final class EnumCodec implements Codec<Object> {

    private final Class<? extends Enum<?>> type;
    private final Enum<?>[] constants;

    /**
     * Creates the codec of an enum.
     *
     * @param type the enum class
     */
    EnumCodec(Class<? extends Enum<?>> type) {
        this.type = type;
        this.constants = type.getEnumConstants();
    }

    @Override
    public void encode(Object value, Encoder out) {
        out.writeString(((Enum<?>) value).name());
    }

    @Override
    public Object decode(Decoder in) {
        int at = in.position();
        String name = in.readString();
        for (Enum<?> c : constants) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new CodecException("cannot decode enum " + type.getName() + " at position " + at
                + ValueCodec.where(in.context) + ": it has no constant named '" + name + "'; the bytes were written"
                + " by a version of the enum that had it: add it back, or migrate the stored data");
    }
}
