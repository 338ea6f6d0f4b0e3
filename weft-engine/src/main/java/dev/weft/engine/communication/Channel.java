package dev.weft.engine.communication;

/**
 * One worker's endpoints of a channel: a pusher to each worker (including itself) and a puller
 * for what the others sent to it.
 *
 * @param <T> the message type
 * @param pushers index {@code w} pushes to worker {@code w}
 * @param puller receives this worker's messages
 */
public record Channel<T>(Pusher<T>[] pushers, Puller<T> puller) {
}
