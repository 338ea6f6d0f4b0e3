package dev.weft.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * A 64-bit hash of a routing key that is the same in every JVM, on every machine and across restarts, so that a
 * key lands on the same key group, and so the same worker, in every process of a cluster and after recovery.
 * {@link Object#hashCode()} gives no such promise (for records, enums and most classes it differs between runs).
 *
 * <p><b>Supported keys</b>, and what each hash is computed from:
 * <ul>
 *   <li>{@code Long}, {@code Integer}, {@code Short}, {@code Byte}: the numeric value widened to a {@code long},
 *       so {@code 5}, {@code 5L} and {@code (short) 5} hash alike ({@link #hashLong(long)} without boxing);</li>
 *   <li>{@code String}: its {@code hashCode()} (the JDK's specified, cached hash of its UTF-16 chars) and its
 *       length;</li>
 *   <li>{@code Double}: {@link Double#doubleToLongBits(double)}, so every NaN hashes alike and {@code 0.0} and
 *       {@code -0.0} differ, as {@link Double#equals(Object)} says; {@code Float} likewise with
 *       {@link Float#floatToIntBits(float)} (a {@code Float} and a {@code Double} of the same value differ);</li>
 *   <li>{@code Boolean}, {@code Character}: the value, each with its own seed;</li>
 *   <li>{@code byte[]}: its content, eight bytes (little-endian) to a word, and its length;</li>
 *   <li>a {@code java.util.List} of supported keys: the hashes of its elements in order, and its size;</li>
 *   <li>a record whose components are supported keys: the hashes of its components in declaration order and
 *       their count. The record's class is not part of the hash, and its {@code hashCode()} is never called;</li>
 *   <li>{@code null}, as an element or component: a fixed value.</li>
 * </ul>
 * Every other type is refused with an {@link IllegalArgumentException} naming it.
 *
 * <p><b>Algorithm</b> (fixed: changing it moves every key to another key group and breaks existing recovery
 * stores). A single value {@code v} of a kind with seed {@code s} hashes to {@code fmix64(v ^ s)}, the MurmurHash3
 * 64-bit finalizer; a {@code String} is the value {@code hashCode() << 32 | length()}. A sequence of 64-bit words
 * hashes as MurmurHash3's x64 body does: starting from {@code h = s},
 * for each word {@code k}: {@code k *= C1; k = rotl(k, 31); k *= C2; h ^= k; h = rotl(h, 27); h = h * 5 +
 * 0x52dce729}; then {@code fmix64(h ^ length)}. The seeds are the constants in this class's source.
 *
 * <p><b>Threads.</b> Stateless; safe from any thread. Record component accessors are looked up once per record
 * class and cached.
 */
public final class StableHash {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private static final long INTEGRAL_SEED = 0x243F6A8885A308D3L;
    private static final long STRING_SEED = 0x13198A2E03707344L;
    private static final long DOUBLE_SEED = 0xA4093822299F31D0L;
    private static final long FLOAT_SEED = 0x082EFA98EC4E6C89L;
    private static final long BOOLEAN_SEED = 0x452821E638D01377L;
    private static final long CHAR_SEED = 0xBE5466CF34E90C6CL;
    private static final long BYTES_SEED = 0xC0AC29B7C97C50DDL;
    private static final long LIST_SEED = 0x3F84D5B5B5470917L;
    private static final long RECORD_SEED = 0x9216D5D98979FB1BL;
    private static final long NULL_SEED = 0xD1310BA698DFB5ACL;

    private static final long NULL_HASH = fmix64(NULL_SEED);
    private static final long FALSE_HASH = fmix64(BOOLEAN_SEED);
    private static final long TRUE_HASH = fmix64(1 ^ BOOLEAN_SEED);

    private static final String SUPPORTED = "String, Long, Integer, Short, Byte, Double, Float, Boolean, Character,"
            + " byte[], java.util.List of supported keys, and records whose components are supported keys";

    private static final ClassValue<RecordShape> RECORD_SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private StableHash() {
    }

    /**
     * Returns the stable hash of a key.
     *
     * @param key a value of a supported type (see the class description); {@code null} has a fixed hash
     * @return the key's 64-bit hash, the same in every JVM and every run
     * @throws IllegalArgumentException if the key, or an element or component inside it, has an unsupported type;
     *     the message names the type, where it was found, and the supported types
     */
    public static long hash(Object key) {
        try {
            return hashOf(key);
        } catch (Unsupported e) {
            throw new IllegalArgumentException("StableHash cannot hash a key of type " + e.type.getTypeName()
                    + (e.path.length() == 0 ? "" : " (" + e.path + ")") + "; supported key types: " + SUPPORTED
                    + ". Map the key to one of them in the key function, for example to a String or a record of"
                    + " supported fields");
        }
    }

    /**
     * Returns the stable hash of an integral key without boxing it: equal to {@code hash(value)} for a
     * {@code Long}, {@code Integer}, {@code Short} or {@code Byte} of the same numeric value.
     *
     * @param value the key
     * @return its 64-bit hash
     */
    public static long hashLong(long value) {
        return fmix64(value ^ INTEGRAL_SEED);
    }

    private static long hashOf(Object key) {
        if (key instanceof String s) {
            return hashString(s);
        } else if (key instanceof Long v) {
            return hashLong(v);
        } else if (key instanceof Integer v) {
            return hashLong(v);
        } else if (key instanceof Record r) {
            return hashRecord(r);
        } else if (key instanceof Short v) {
            return hashLong(v);
        } else if (key instanceof Byte v) {
            return hashLong(v);
        } else if (key instanceof Double v) {
            return fmix64(Double.doubleToLongBits(v) ^ DOUBLE_SEED);
        } else if (key instanceof Float v) {
            return fmix64(Integer.toUnsignedLong(Float.floatToIntBits(v)) ^ FLOAT_SEED);
        } else if (key instanceof Boolean v) {
            return v ? TRUE_HASH : FALSE_HASH;
        } else if (key instanceof Character v) {
            return fmix64(v.charValue() ^ CHAR_SEED);
        } else if (key instanceof byte[] b) {
            return hashBytes(b);
        } else if (key instanceof List<?> l) {
            return hashList(l);
        } else if (key == null) {
            return NULL_HASH;
        }
        throw new Unsupported(key.getClass());
    }

    private static long hashString(String s) {
        // String.hashCode() is specified by the JDK (s[0]*31^(n-1) + ... + s[n-1]), so it is the same in
        // every JVM, and a String caches it: a key hashed for combining, routing and state is scanned once.
        return fmix64(((long) s.hashCode() << 32 | s.length()) ^ STRING_SEED);
    }

    private static long hashBytes(byte[] b) {
        int n = b.length;
        long h = BYTES_SEED;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long word = 0;
            for (int k = 7; k >= 0; k--) {
                word = word << 8 | (b[i + k] & 0xFFL);
            }
            h = mix(h, word);
        }
        if (i < n) {
            long word = 0;
            for (int shift = 0; i < n; i++, shift += 8) {
                word |= (b[i] & 0xFFL) << shift;
            }
            h = mix(h, word);
        }
        return fmix64(h ^ n);
    }

    private static long hashList(List<?> list) {
        long h = LIST_SEED;
        int count = 0;
        for (Object element : list) {
            try {
                h = mix(h, hashOf(element));
            } catch (Unsupported e) {
                throw e.within("element " + count + " of a " + list.getClass().getName());
            }
            count++;
        }
        return fmix64(h ^ count);
    }

    private static long hashRecord(Record r) {
        RecordShape shape = RECORD_SHAPES.get(r.getClass());
        MethodHandle[] accessors = shape.accessors;
        long h = RECORD_SEED;
        for (int i = 0; i < accessors.length; i++) {
            Object component;
            try {
                component = (Object) accessors[i].invokeExact((Object) r);
            } catch (Throwable e) {
                throw new IllegalArgumentException("StableHash could not read component '" + shape.names[i]
                        + "' of record key " + shape.type.getTypeName() + ": its accessor threw " + e
                        + "; accessors of key records must not fail", e);
            }
            try {
                h = mix(h, hashOf(component));
            } catch (Unsupported e) {
                throw e.within("component '" + shape.names[i] + "' of record " + shape.type.getTypeName());
            }
        }
        return fmix64(h ^ accessors.length);
    }

    /** One step of MurmurHash3's x64 body over one 64-bit word. */
    private static long mix(long h, long k) {
        k *= C1;
        k = Long.rotateLeft(k, 31);
        k *= C2;
        h ^= k;
        h = Long.rotateLeft(h, 27);
        return h * 5 + 0x52dce729;
    }

    /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** A record class's component names and accessors, looked up once per class. */
    private static final class RecordShape {
        final Class<?> type;
        final String[] names;
        final MethodHandle[] accessors;

        RecordShape(Class<?> type) {
            this.type = type;
            RecordComponent[] components = type.getRecordComponents();
            names = new String[components.length];
            accessors = new MethodHandle[components.length];
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                try {
                    Method accessor = components[i].getAccessor();
                    accessor.setAccessible(true);
                    accessors[i] = lookup.unreflect(accessor)
                            .asType(MethodType.methodType(Object.class, Object.class));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalArgumentException("StableHash cannot read component '" + names[i]
                            + "' of record key " + type.getTypeName() + " (" + e + "); if the record lives in a named"
                            + " module, open its package to Weft", e);
                }
            }
        }
    }

    /** Unsupported type found while hashing; carries where it was found, innermost first. Never escapes. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Class<?> type;
        final StringBuilder path = new StringBuilder();

        Unsupported(Class<?> type) {
            super(null, null, false, false);
            this.type = type;
        }

        Unsupported within(String where) {
            path.append(path.length() == 0 ? "in " : ", in ").append(where);
            return this;
        }
    }
}
