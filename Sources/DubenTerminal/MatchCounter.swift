import DubenModel
import Foundation

/// Counts a search's matches in the whole library on a thread of its own, so that the keys
/// never wait for it. A newer search cancels an older count (the thread checks between
/// matches); the session collects the result with `take()` and hands it to the reader.
public final class MatchCounter: @unchecked Sendable {
    private let lock = NSLock()
    /// The generation of the newest count asked for; an older one stops.
    private var latest = -1
    private var result: (total: Int, generation: Int)?
    private var running = 0

    public init() {}

    /// Starts counting `pattern` in `corpus` (in blocks, as the reader's n visits them).
    public func start(_ pattern: SearchPattern, generation: Int, in corpus: Corpus) {
        lock.withLock {
            latest = generation
            running += 1
        }
        let thread = Thread { [self] in
            var matcher = pattern.matcher()
            var total = 0
            let stale = { self.lock.withLock { self.latest != generation } }
            for doc in corpus.documents {
                if stale() { break }
                total += doc.countMatches(&matcher, stop: stale)
            }
            lock.withLock {
                running -= 1
                if latest == generation { result = (total, generation) }
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Stops any count under way, and drops its result: also one that finished just before
    /// (nothing counted before a cancel arrives after it).
    public func cancel() {
        lock.withLock {
            latest = -1
            result = nil
        }
    }

    /// The finished count, once.
    public func take() -> (total: Int, generation: Int)? {
        lock.withLock {
            defer { result = nil }
            return result
        }
    }

    /// Whether a count is under way (the session then polls more often).
    public var isRunning: Bool { lock.withLock { running > 0 } }
}
