/**
 * Weft's codecs: how records crossing a process boundary and operator state in recovery snapshots become bytes
 * and back, and the stable hash that routes keys.
 *
 * <ul>
 *   <li>{@link dev.weft.codec.Codec} is the SPI: encode a value into an {@link dev.weft.codec.Encoder}, decode it
 *       from a {@link dev.weft.codec.Decoder}.</li>
 *   <li>{@link dev.weft.codec.CodecRegistry} is the allow-list of types, with built-in codecs for strings, boxed
 *       primitives, big numbers, UUIDs, optionals, {@code java.time} values, arrays of primitives, lists, sets and
 *       maps, and registration for user records, enums and classes. Types
 *       travel under stable names; nothing read from disk or network loads a class by name.</li>
 *   <li>{@link dev.weft.codec.CodecRegistry#valueCodec(String)} encodes any allowed value with a type tag;
 *       {@link dev.weft.codec.BatchCodec} encodes a batch of records, naming each type once per batch.</li>
 *   <li>{@link dev.weft.codec.CodecException} reports every failure with what, where, what was found, and the
 *       fix.</li>
 *   <li>{@link dev.weft.codec.StableHash} hashes routing keys identically in every JVM and across restarts.</li>
 * </ul>
 *
 * <p>This package depends only on the JDK, so every layer of Weft and every user can import it. Type parameter
 * {@code T} is the type a codec handles.
 */
package dev.weft.codec;
