import DubenModel
import DubenTerminal
import DubenTestSupport
import Foundation
import Testing

/// The library count on its own thread (also run under ThreadSanitizer by scripts/sanitize):
/// the newest search's count is the one left, equal to counting on the caller's thread; a count
/// still running when a newer one starts never overwrites it.
@Suite("Match counter")
struct MatchCounterTests {
    @Test func theNewestCountArrivesAndOlderOnesAreDropped() throws {
        let corpus = TestSupport.bundled
        let counter = MatchCounter()
        let patterns = try ["中国", "发展", "人民", "命运.*共同体"].map { try SearchPattern($0) }
        for (generation, pattern) in patterns.enumerated() {
            counter.start(pattern, generation: generation, in: corpus)
        }
        // An older count may finish before the next one starts (its result then waits, as the
        // session would take it and drop it by generation); once every thread is done, what is
        // left is the newest count.
        let deadline = Date().addingTimeInterval(60)
        while counter.isRunning && Date() < deadline { usleep(10_000) }
        #expect(!counter.isRunning)
        let result = counter.take()
        var matcher = patterns[3].matcher()
        let expected = corpus.documents.reduce(0) { $0 + $1.countMatches(&matcher) }
        #expect(result?.generation == 3)
        #expect(result?.total == expected && expected > 0)
        #expect(counter.take() == nil, "a count arrived twice")
    }

    @Test func aCancelledCountNeverArrives() throws {
        let counter = MatchCounter()
        counter.start(try SearchPattern("的"), generation: 0, in: TestSupport.bundled)
        counter.cancel()
        let deadline = Date().addingTimeInterval(60)
        while counter.isRunning && Date() < deadline { usleep(10_000) }
        #expect(counter.take() == nil)
    }

    /// The race the test above can lose on a loaded machine (the count done before the cancel
    /// comes): a count that finished before the cancel is dropped too.
    @Test func aCountFinishedBeforeTheCancelIsDroppedToo() throws {
        let counter = MatchCounter()
        counter.start(try SearchPattern("的"), generation: 0, in: TestSupport.bundled)
        let deadline = Date().addingTimeInterval(60)
        while counter.isRunning && Date() < deadline { usleep(10_000) }
        counter.cancel()
        #expect(counter.take() == nil)
    }
}
