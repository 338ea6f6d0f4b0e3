package dev.weft.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Encodes a record as its components in declaration order and decodes it through its canonical constructor.
 *
 * <p>All reflection happens once, in the constructor. Primitive components are written directly (ints and longs
 * zigzag varints, floating point as raw bits); reference components go through the value codec, tagged, so they
 * may be {@code null}, any registered type, or a list or map.
 */
final class RecordCodec implements Codec<Object> {

    private static final int REFERENCE = 0;
    private static final int BOOLEAN = 1;
    private static final int BYTE = 2;
    private static final int SHORT = 3;
    private static final int CHAR = 4;
    private static final int INT = 5;
    private static final int LONG = 6;
    private static final int FLOAT = 7;
    private static final int DOUBLE = 8;

    private final Class<?> type;
    private final String[] names;
    private final Class<?>[] referenceTypes;
    private final int[] kinds;
    private final MethodHandle[] accessors;
    private final MethodHandle constructor;
    private final Codec<Object> values;

    /**
     * Looks up a record's components, accessors and canonical constructor.
     *
     * @param type the record class
     * @param values the value codec for reference components
     * @throws IllegalArgumentException if the members cannot be accessed
     */
    RecordCodec(Class<?> type, Codec<Object> values) {
        this.type = type;
        this.values = values;
        RecordComponent[] components = type.getRecordComponents();
        int n = components.length;
        names = new String[n];
        referenceTypes = new Class<?>[n];
        kinds = new int[n];
        accessors = new MethodHandle[n];
        Class<?>[] parameterTypes = new Class<?>[n];
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            for (int i = 0; i < n; i++) {
                RecordComponent c = components[i];
                names[i] = c.getName();
                parameterTypes[i] = c.getType();
                kinds[i] = kindOf(c.getType());
                referenceTypes[i] = c.getType().isPrimitive() ? null : c.getType();
                Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                accessors[i] = lookup.unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
            }
            Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
            canonical.setAccessible(true);
            constructor = lookup.unreflectConstructor(canonical)
                    .asSpreader(Object[].class, n)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot register record " + type.getName() + ": its accessors or"
                    + " canonical constructor are not accessible (" + e + "); if it lives in a named module, open"
                    + " its package to Weft, or register a hand-written codec with CodecRegistry.register", e);
        }
    }

    @Override
    public void encode(Object value, Encoder out) {
        MethodHandle[] get = accessors;
        int[] k = kinds;
        for (int i = 0; i < get.length; i++) {
            Object component;
            try {
                component = (Object) get[i].invokeExact(value);
            } catch (Throwable e) {
                throw new CodecException("the accessor of component '" + names[i] + "' of record " + type.getName()
                        + " threw " + e + " while encoding" + ValueCodec.where(out.context)
                        + "; accessors of records sent between workers or snapshotted must not fail", e);
            }
            switch (k[i]) {
                case REFERENCE -> values.encode(component, out);
                case BOOLEAN -> out.writeBoolean((Boolean) component);
                case BYTE -> out.writeByte((Byte) component);
                case SHORT -> out.writeZigZagInt((Short) component);
                case CHAR -> out.writeVarInt((Character) component);
                case INT -> out.writeZigZagInt((Integer) component);
                case LONG -> out.writeZigZagLong((Long) component);
                case FLOAT -> out.writeFloat((Float) component);
                case DOUBLE -> out.writeDouble((Double) component);
                default -> throw new IllegalStateException("unknown component kind " + k[i]);
            }
        }
    }

    @Override
    public Object decode(Decoder in) {
        int at = in.position();
        int n = kinds.length;
        Object[] args = new Object[n];
        for (int i = 0; i < n; i++) {
            switch (kinds[i]) {
                case REFERENCE -> {
                    Object v = values.decode(in);
                    if (v != null && !referenceTypes[i].isInstance(v)) {
                        throw new CodecException("cannot decode record " + type.getName() + " at position " + at
                                + ValueCodec.where(in.context) + ": component '" + names[i] + "' is declared "
                                + referenceTypes[i].getName() + " but the input holds a " + v.getClass().getName()
                                + "; the bytes were written by a different version of the record, or under a"
                                + " stable name that now means another type");
                    }
                    args[i] = v;
                }
                case BOOLEAN -> args[i] = in.readBoolean();
                case BYTE -> args[i] = in.readByte();
                case SHORT -> {
                    int v = in.readZigZagInt();
                    if (v != (short) v) {
                        throw outOfRange(in, at, i, v);
                    }
                    args[i] = (short) v;
                }
                case CHAR -> {
                    int v = in.readVarInt();
                    if (v < 0 || v > Character.MAX_VALUE) {
                        throw outOfRange(in, at, i, v);
                    }
                    args[i] = (char) v;
                }
                case INT -> args[i] = in.readZigZagInt();
                case LONG -> args[i] = in.readZigZagLong();
                case FLOAT -> args[i] = in.readFloat();
                case DOUBLE -> args[i] = in.readDouble();
                default -> throw new IllegalStateException("unknown component kind " + kinds[i]);
            }
        }
        try {
            return (Object) constructor.invokeExact(args);
        } catch (Throwable e) {
            throw new CodecException("the canonical constructor of record " + type.getName() + " rejected the"
                    + " components decoded at position " + at + ValueCodec.where(in.context) + ": " + e
                    + "; the bytes were written by a different version of the record, or its constructor checks"
                    + " more than the writer's did", e);
        }
    }

    private CodecException outOfRange(Decoder in, int at, int component, int value) {
        return new CodecException("malformed input: component '" + names[component] + "' of record "
                + type.getName() + " at position " + at + ValueCodec.where(in.context) + " has value "
                + Integer.toUnsignedString(value) + ", out of range for its type; the bytes are corrupt or were"
                + " written by a different version of the record");
    }

    private static int kindOf(Class<?> c) {
        if (!c.isPrimitive()) {
            return REFERENCE;
        } else if (c == boolean.class) {
            return BOOLEAN;
        } else if (c == byte.class) {
            return BYTE;
        } else if (c == short.class) {
            return SHORT;
        } else if (c == char.class) {
            return CHAR;
        } else if (c == int.class) {
            return INT;
        } else if (c == long.class) {
            return LONG;
        } else if (c == float.class) {
            return FLOAT;
        } else {
            return DOUBLE;
        }
    }
}
