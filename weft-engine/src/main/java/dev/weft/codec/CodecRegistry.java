package dev.weft.codec;

import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The allow-list of types Weft may encode and decode, each with its codec and its stable name: the only types a
 * value read from a network peer or a recovery snapshot can turn into.
 *
 * <p><b>Built in</b> (in every registry, from {@link #defaults()}): {@code null}, {@code String}, {@code Long},
 * {@code Integer}, {@code Short}, {@code Byte}, {@code Double}, {@code Float}, {@code Boolean}, {@code Character};
 * {@code BigInteger}, {@code BigDecimal} (with its scale), {@code UUID}, {@code Optional}; the {@code java.time}
 * types {@code Instant}, {@code Duration}, {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime},
 * {@code OffsetDateTime} and {@code ZonedDateTime}; arrays of every primitive type ({@code byte[]},
 * {@code int[]}, ...); any {@code java.util.List} (decoded as an {@code ArrayList}), any {@code java.util.Set}
 * (decoded as a {@code LinkedHashSet}) and any {@code java.util.Map} (decoded as a {@code LinkedHashMap}), each in
 * the source's iteration order. Elements, entries and an {@code Optional}'s value may be any allowed value.
 *
 * <p><b>Yours</b>: {@link #registerRecord(Class)} for a Java record (its components, in declaration order, through
 * its canonical constructor), {@link #registerEnum(Class)} for an enum (by constant name), and
 * {@link #register(Class, String, Codec)} for any other class with a codec you write. A type is matched by its
 * exact class, except that every {@code List}, {@code Set} and {@code Map} implementation is accepted: a subclass
 * of a registered class must be registered itself. A value of any other type fails to encode with a
 * {@link CodecException} that names the registration that fits it; {@code docs/codecs.md} shows each, with a
 * hand-written codec.
 *
 * <p><b>Stable names</b> travel on the wire instead of class names, and are looked up here when decoding. Nothing
 * is ever loaded by name ({@code Class.forName}): a name that is not registered fails loudly. Keep a type's name
 * when you rename or move the class, or old snapshots stop decoding.
 *
 * <p><b>Lifecycle and threads.</b> A registry is filled before a run and read-only afterwards: register
 * everything, then {@link #freeze()} (the runtime freezes it when a run starts), and every process of a cluster
 * must register the same types under the same names. Registration is synchronized; lookups read concurrent maps,
 * so codecs may be used from any number of threads at once, before or after freezing. After {@code freeze()}
 * every registration that would change the registry fails, so a type registered too late fails loudly instead of
 * reaching only some workers; repeating a registration already made does nothing, frozen or not.
 *
 * <pre>{@code
 * CodecRegistry codecs = CodecRegistry.defaults()
 *         .register(Money.class, "com.acme.Money", new MoneyCodec())
 *         .registerRecord(Order.class)   // record Order(long id, Money total)
 *         .freeze();
 * Codec<Object> values = codecs.valueCodec("snapshot of step 'orders.total'");
 * Encoder out = new Encoder();
 * values.encode(List.of(new Order(17, new Money(250))), out);
 * Object back = values.decode(new Decoder(out.toByteArray()));
 * }</pre>
 */
public final class CodecRegistry {

    private static final int MAX_NAME_LENGTH = 256;
    /** The user documentation page on codecs, named in errors. */
    static final String DOCS = "docs/codecs.md";

    private final ConcurrentHashMap<Class<?>, Registration> byClass = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Registration> byName = new ConcurrentHashMap<>();
    /** Value codec for components of records: it takes its context from the enclosing scope. */
    private final ValueCodec nested = new ValueCodec(this, null);
    /** The built-in types with their own codec, by tag minus {@link ValueCodec#FIRST_CODEC_TAG}. */
    private final List<Registration> builtInCodecs = new ArrayList<>();
    private volatile boolean frozen;

    private CodecRegistry() {
        builtIn(String.class, ValueCodec.STRING);
        builtIn(Long.class, ValueCodec.LONG);
        builtIn(Integer.class, ValueCodec.INT);
        builtIn(Short.class, ValueCodec.SHORT);
        builtIn(Byte.class, ValueCodec.BYTE);
        builtIn(Double.class, ValueCodec.DOUBLE);
        builtIn(Float.class, ValueCodec.FLOAT);
        builtIn(Boolean.class, ValueCodec.BOOLEAN);
        builtIn(Character.class, ValueCodec.CHAR);
        builtIn(byte[].class, ValueCodec.BYTES);
        // The order fixes each type's tag on the wire: append, never reorder.
        builtInCodec(BigInteger.class, BuiltInCodecs.BIG_INTEGER);
        builtInCodec(BigDecimal.class, BuiltInCodecs.BIG_DECIMAL);
        builtInCodec(UUID.class, BuiltInCodecs.UUIDS);
        builtInCodec(Optional.class, BuiltInCodecs.optional(nested));
        builtInCodec(Instant.class, BuiltInCodecs.INSTANT);
        builtInCodec(Duration.class, BuiltInCodecs.DURATION);
        builtInCodec(LocalDate.class, BuiltInCodecs.LOCAL_DATE);
        builtInCodec(LocalTime.class, BuiltInCodecs.LOCAL_TIME);
        builtInCodec(LocalDateTime.class, BuiltInCodecs.LOCAL_DATE_TIME);
        builtInCodec(OffsetDateTime.class, BuiltInCodecs.OFFSET_DATE_TIME);
        builtInCodec(ZonedDateTime.class, BuiltInCodecs.ZONED_DATE_TIME);
        builtInCodec(boolean[].class, BuiltInCodecs.BOOLEANS);
        builtInCodec(short[].class, BuiltInCodecs.SHORTS);
        builtInCodec(char[].class, BuiltInCodecs.CHARS);
        builtInCodec(int[].class, BuiltInCodecs.INTS);
        builtInCodec(long[].class, BuiltInCodecs.LONGS);
        builtInCodec(float[].class, BuiltInCodecs.FLOATS);
        builtInCodec(double[].class, BuiltInCodecs.DOUBLES);
    }

    private void builtIn(Class<?> type, int tag) {
        byClass.put(type, new Registration(type, null, null, tag));
    }

    private void builtInCodec(Class<?> type, Codec<Object> codec) {
        int tag = ValueCodec.FIRST_CODEC_TAG + builtInCodecs.size();
        Registration r = new Registration(type, type.getTypeName(), codec, tag);
        builtInCodecs.add(r);
        byClass.put(type, r);
    }

    /**
     * Creates a new, mutable registry holding the built-in codecs and nothing else. Each call returns a new
     * registry. A {@code Dataflow} starts from one of these (with Weft's own types added) and is where a user
     * declares their types; an engine-level program passes one to its execution.
     *
     * @return a registry to add user types to
     */
    public static CodecRegistry defaults() {
        return new CodecRegistry();
    }

    /**
     * Registers a hand-written codec for exactly the class {@code type}.
     *
     * <p>Registering the same class again with the same name and the same codec instance does nothing;
     * any other second registration of the class, or of the name, is refused. Register a hand-written codec
     * before any record that has the type among its components, or the record registers its own codec for it.
     *
     * @param type the concrete class of the values {@code codec} handles
     * @param stableName the name written on the wire for this type, such as {@code "com.acme.Money"}; it must stay
     *     the same across versions of the class for as long as old bytes may be read
     * @param codec the codec, stateless and thread-safe
     * @param <T> the type registered
     * @return this registry, for chaining
     * @throws IllegalArgumentException if the type is built in, primitive, an interface or abstract, if the name is
     *     blank, longer than 256 chars or has control characters, or if the type or name is already registered
     *     differently
     * @throws IllegalStateException if the registry is frozen
     */
    public synchronized <T> CodecRegistry register(Class<T> type, String stableName, Codec<T> codec) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stableName, "stableName");
        Objects.requireNonNull(codec, "codec");
        Registration existing = byClass.get(type);
        if (existing != null && existing.codec() == codec && stableName.equals(existing.name())) {
            return this;
        }
        checkNotFrozen(type);
        checkRegistrable(type);
        checkName(stableName, type);
        if (existing != null) {
            throw alreadyRegistered(type, stableName, existing);
        }
        checkNameFree(stableName, type);
        @SuppressWarnings("unchecked")
        Codec<Object> untyped = (Codec<Object>) codec;
        add(new Registration(type, stableName, untyped, ValueCodec.TYPE_NEW));
        return this;
    }

    /**
     * Registers a record under its class name ({@link Class#getName()}); see
     * {@link #registerRecord(Class, String)}.
     *
     * @param type the record class
     * @param <R> the record type
     * @return this registry, for chaining
     * @throws IllegalArgumentException if the record or one of its component types conflicts with an earlier
     *     registration, or its members cannot be accessed
     * @throws IllegalStateException if the registry is frozen
     */
    public <R extends Record> CodecRegistry registerRecord(Class<R> type) {
        return registerRecord(type, Objects.requireNonNull(type, "type").getName());
    }

    /**
     * Registers a record, encoded as its components in declaration order and decoded through its canonical
     * constructor, under {@code stableName}.
     *
     * <p>Records and enums that appear among its component types, directly or as type arguments (as in
     * {@code List<Item>} or {@code Map<String, Item>}), are registered too, recursively, under their class
     * names, unless they are registered already. Reflection is done once, here: nothing is looked up per value.
     * Registering a record again with the same name does nothing. Either everything is registered or, on
     * failure, nothing.
     *
     * @param type the record class
     * @param stableName the name written on the wire for this record
     * @param <R> the record type
     * @return this registry, for chaining
     * @throws IllegalArgumentException if the record or one of its component types conflicts with an earlier
     *     registration, the name is not valid (see {@link #register(Class, String, Codec)}), or the record's
     *     members cannot be accessed
     * @throws IllegalStateException if the registry is frozen
     */
    public synchronized <R extends Record> CodecRegistry registerRecord(Class<R> type, String stableName) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stableName, "stableName");
        Registration existing = byClass.get(type);
        if (existing != null && existing.codec() instanceof RecordCodec && stableName.equals(existing.name())) {
            return this;
        }
        checkNotFrozen(type);
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getTypeName() + " is not a record; register a codec for it with"
                    + " register(" + type.getSimpleName() + ".class, \"" + type.getName() + "\", codec)");
        }
        checkName(stableName, type);
        if (existing != null) {
            throw alreadyRegistered(type, stableName, existing);
        }
        Map<Class<?>, String> plan = new LinkedHashMap<>();
        plan.put(type, stableName);
        collectComponentTypes(type, plan);
        List<Registration> planned = new ArrayList<>(plan.size());
        for (Map.Entry<Class<?>, String> e : plan.entrySet()) {
            Class<?> c = e.getKey();
            String name = e.getValue();
            checkName(name, c);
            checkNameFree(name, c);
            for (Registration p : planned) {
                if (p.name().equals(name)) {
                    throw new IllegalArgumentException("cannot register " + c.getTypeName() + " as '" + name
                            + "': " + p.type().getTypeName() + " would have the same name; register one of them"
                            + " first under another name");
                }
            }
            Codec<Object> codec = c.isRecord() ? new RecordCodec(c, nested) : enumCodec(c);
            planned.add(new Registration(c, name, codec, ValueCodec.TYPE_NEW));
        }
        planned.forEach(this::add);
        return this;
    }

    /**
     * Registers an enum under its class name ({@link Class#getName()}); see {@link #registerEnum(Class, String)}.
     *
     * @param type the enum class
     * @param <E> the enum type
     * @return this registry, for chaining
     * @throws IllegalArgumentException if the enum or its name is already registered differently
     * @throws IllegalStateException if the registry is frozen
     */
    public <E extends Enum<E>> CodecRegistry registerEnum(Class<E> type) {
        return registerEnum(type, Objects.requireNonNull(type, "type").getName());
    }

    /**
     * Registers an enum, encoded by constant name (so adding or reordering constants keeps old bytes readable),
     * under {@code stableName}. Registering it again with the same name does nothing.
     *
     * @param type the enum class
     * @param stableName the name written on the wire for this enum
     * @param <E> the enum type
     * @return this registry, for chaining
     * @throws IllegalArgumentException if the enum or the name is already registered differently, or the name is
     *     not valid (see {@link #register(Class, String, Codec)})
     * @throws IllegalStateException if the registry is frozen
     */
    public synchronized <E extends Enum<E>> CodecRegistry registerEnum(Class<E> type, String stableName) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stableName, "stableName");
        Registration existing = byClass.get(type);
        if (existing != null && existing.codec() instanceof EnumCodec && stableName.equals(existing.name())) {
            return this;
        }
        checkNotFrozen(type);
        if (!type.isEnum()) {
            throw new IllegalArgumentException(type.getTypeName() + " is not an enum class; register its enum,"
                    + " " + type.getSuperclass().getTypeName() + ", instead");
        }
        checkName(stableName, type);
        if (existing != null) {
            throw alreadyRegistered(type, stableName, existing);
        }
        checkNameFree(stableName, type);
        add(new Registration(type, stableName, enumCodec(type), ValueCodec.TYPE_NEW));
        return this;
    }

    /**
     * Makes this registry read-only: every later registration of a new type fails with an
     * {@link IllegalStateException} (repeating one already made does nothing). Calling it again does nothing.
     *
     * @return this registry
     */
    public CodecRegistry freeze() {
        frozen = true;
        return this;
    }

    /**
     * Tells whether {@link #freeze()} was called.
     *
     * @return {@code true} if the registry is read-only
     */
    public boolean isFrozen() {
        return frozen;
    }

    /**
     * Tells whether values of exactly this class can be encoded: it is built in, registered, or a {@code List},
     * {@code Set} or {@code Map} implementation. Elements of a list or components of a record are checked only when a value
     * is encoded.
     *
     * @param type the class of a value
     * @return {@code true} if the value codec accepts instances of {@code type}
     */
    public boolean canEncode(Class<?> type) {
        if (byClass.containsKey(type) || List.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || Set.class.isAssignableFrom(type)) {
            return true;
        }
        // A constant with a body is an anonymous subclass of its enum.
        Class<?> parent = type.getSuperclass();
        return parent != null && parent.isEnum() && byClass.containsKey(parent);
    }

    /**
     * Returns a codec for any allowed value, {@code null} included, written with a type tag so that values of
     * mixed types (an {@code Object} state, a {@code List<Object>}) round-trip. Each top-level value names each
     * user type it contains once. Called from inside another codec with the same encoder or decoder, it continues
     * the enclosing value or batch: names already written are reused, and errors name the outer context.
     *
     * @param context where the codec is used, named in every error, such as
     *     {@code "exchange in step 'wc.count'"} or {@code "snapshot of step 'orders.total'"}
     * @return a stateless, thread-safe codec; create it once per channel or step
     */
    public Codec<Object> valueCodec(String context) {
        return new ValueCodec(this, Objects.requireNonNull(context, "context"));
    }

    /**
     * Returns a codec for batches of records that names each user type once per batch.
     *
     * @param context where the codec is used, named in every error, such as {@code "exchange in step 'wc.count'"}
     * @return a stateless, thread-safe codec; create it once per channel
     */
    public BatchCodec batchCodec(String context) {
        return new BatchCodec(this, Objects.requireNonNull(context, "context"));
    }

    // ---- used by the codecs ----

    /**
     * Finds the registration of exactly this class.
     *
     * @param type the class of a value
     * @return its registration, or {@code null}
     */
    Registration lookup(Class<?> type) {
        return byClass.get(type);
    }

    /**
     * Finds a built-in type with its own codec by its tag.
     *
     * @param tag a tag read from the input
     * @return its registration, or {@code null} if no built-in type has that tag
     */
    Registration builtInByTag(int tag) {
        int index = tag - ValueCodec.FIRST_CODEC_TAG;
        return index >= 0 && index < builtInCodecs.size() ? builtInCodecs.get(index) : null;
    }

    /**
     * Finds the user type registered under a stable name.
     *
     * @param name a stable name read from the input
     * @return its registration, or {@code null}
     */
    Registration lookupName(String name) {
        return byName.get(name);
    }

    /**
     * Builds the error for a value whose type is not allowed.
     *
     * @param type the value's class
     * @param context the caller's context, or {@code null}
     * @return an exception naming the type and context and saying how to register the type
     */
    CodecException unregistered(Class<?> type, String context) {
        String name = type.getTypeName();
        String simple = type.getSimpleName().isEmpty() ? name : type.getSimpleName();
        StringBuilder m = new StringBuilder("no codec for type ").append(name).append(ValueCodec.where(context));
        for (Class<?> s = type.getSuperclass(); s != null && s != Object.class; s = s.getSuperclass()) {
            if (byClass.containsKey(s)) {
                m.append(" (its superclass ").append(s.getTypeName())
                        .append(" is registered, but codecs match exact classes)");
                break;
            }
        }
        Class<?> enumType = type.isEnum() ? type
                : type.getSuperclass() != null && type.getSuperclass().isEnum() ? type.getSuperclass() : null;
        if (enumType != null) {
            String enumName = enumType.getSimpleName();
            m.append("; it is an enum: declare it once with registerEnum(").append(enumName).append(".class) on the")
                    .append(" Dataflow (or on the CodecRegistry you run with)");
        } else if (type.isRecord()) {
            m.append("; it is a record: declare it once with registerRecord(").append(simple).append(".class) on the")
                    .append(" Dataflow (or on the CodecRegistry you run with)");
        } else if (type.isArray()) {
            m.append("; only arrays of primitives are built in: use a List instead, or write a codec for ")
                    .append(name).append(" and register it with register(").append(simple).append(".class, \"")
                    .append(name).append("\", codec)");
        } else {
            m.append("; write a codec for it and register it with register(").append(simple).append(".class, \"")
                    .append(name).append("\", codec) on the Dataflow (or on the CodecRegistry you run with), or keep")
                    .append(" its data in a record and declare that with registerRecord");
        }
        if (frozen) {
            m.append(", before the run starts (this registry is already frozen)");
        }
        m.append("; see ").append(DOCS).append(" for every built-in type and a hand-written codec");
        return new CodecException(m.toString());
    }

    /**
     * Builds the error for a stable name in the input that is not registered.
     *
     * @param name the name read
     * @param position where the value starts in the input
     * @param context the caller's context, or {@code null}
     * @return an exception naming the name, position and context and saying how to fix it
     */
    CodecException unknownName(String name, int position, String context) {
        String shown = name.length() > 200 ? name.substring(0, 200) + "..." : name;
        return new CodecException("unknown type name '" + shown + "' at position " + position
                + ValueCodec.where(context) + ": no type is registered under that stable name in this CodecRegistry,"
                + " and Weft never loads a class named by its input; register the type under this name in every"
                + " process before the run (register(type, \"" + shown + "\", codec), registerRecord or"
                + " registerEnum), or check that writer and reader run the same version");
    }

    // ---- registration checks ----

    private void add(Registration r) {
        byClass.put(r.type(), r);
        byName.put(r.name(), r);
    }

    private void checkNotFrozen(Class<?> type) {
        if (frozen) {
            throw new IllegalStateException("cannot register " + type.getTypeName() + ": this CodecRegistry is"
                    + " frozen because a run has started; register every type before the run");
        }
    }

    private void checkRegistrable(Class<?> type) {
        Registration existing = byClass.get(type);
        if (existing != null && existing.tag() != ValueCodec.TYPE_NEW) {
            throw new IllegalArgumentException(type.getTypeName() + " is built in; it needs no registration");
        }
        if (type.isPrimitive()) {
            throw new IllegalArgumentException(type.getName() + " is a primitive type; values arrive boxed, and the"
                    + " boxed types are built in");
        }
        if (type.isInterface() || !type.isArray() && Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException("cannot register " + type.getTypeName() + ": codecs are matched by"
                    + " the exact class of a value, so an interface or abstract class never matches; register"
                    + " each concrete class (any List or Map is accepted without registration)");
        }
    }

    private static void checkName(String name, Class<?> type) {
        boolean control = name.chars().anyMatch(Character::isISOControl);
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH || control || !name.strip().equals(name)) {
            throw new IllegalArgumentException("invalid stable name '" + name + "' for " + type.getTypeName()
                    + ": use 1 to " + MAX_NAME_LENGTH + " characters without control characters or surrounding"
                    + " spaces, such as \"" + type.getName() + "\"");
        }
    }

    private void checkNameFree(String name, Class<?> type) {
        Registration owner = byName.get(name);
        if (owner != null) {
            throw new IllegalArgumentException("cannot register " + type.getTypeName() + " as '" + name
                    + "': that stable name already stands for " + owner.type().getTypeName()
                    + "; give each type its own name");
        }
    }

    private static IllegalArgumentException alreadyRegistered(Class<?> type, String name, Registration existing) {
        String hint = existing.codec() instanceof RecordCodec || existing.codec() instanceof EnumCodec
                ? " (records and enums among a record's components are registered with it: register hand-written"
                        + " codecs before the records that use them)"
                : "";
        return new IllegalArgumentException("cannot register " + type.getTypeName() + " as '" + name + "': it is"
                + " already registered as '" + existing.name() + "' with " + describe(existing.codec()) + hint
                + "; register each type once, with one codec");
    }

    private static String describe(Codec<?> codec) {
        if (codec instanceof RecordCodec) {
            return "the record codec";
        } else if (codec instanceof EnumCodec) {
            return "the enum codec";
        }
        return "codec " + codec;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Codec<Object> enumCodec(Class<?> type) {
        return new EnumCodec((Class) type);
    }

    /** Adds the unregistered records and enums reachable from {@code record}'s component types to {@code plan}. */
    private void collectComponentTypes(Class<?> record, Map<Class<?>, String> plan) {
        for (RecordComponent c : record.getRecordComponents()) {
            collectTypes(c.getGenericType(), plan);
        }
    }

    private void collectTypes(Type t, Map<Class<?>, String> plan) {
        if (t instanceof Class<?> c) {
            if ((c.isRecord() || c.isEnum()) && !byClass.containsKey(c) && !plan.containsKey(c)) {
                plan.put(c, c.getName());
                if (c.isRecord()) {
                    collectComponentTypes(c, plan);
                }
            }
        } else if (t instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                collectTypes(argument, plan);
            }
        } else if (t instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                collectTypes(bound, plan);
            }
        }
    }
}
