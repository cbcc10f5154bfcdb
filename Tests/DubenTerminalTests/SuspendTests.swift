import DubenTerminal
import DubenTestSupport
import DubenUI
import Foundation
import Testing

@Suite("Suspending")
struct SuspendTests {
    struct Quiet: EffectPerforming {
        mutating func perform(_ effect: Effect) -> EffectResult? {
            if case .savePositions = effect { return .positionsSaved }
            return nil
        }
    }

    @Test func ctrlZKeyAndSIGTSTPSuspendAndRepaintInFull() {
        var reader = Reader(corpus: TestSupport.bundled, columns: 80, rows: 24)
        let terminal = InMemoryTerminal(columns: 80, rows: 24, script: [.key(.char("j")), .key(.ctrl("z")), .stop, .key(.char("q"))])
        var performer = Quiet()
        let outcome = ReaderSession.run(&reader, terminal: terminal, performer: &performer)
        #expect(outcome.status == 0)
        #expect(terminal.suspensions == 2)
        // The frames after each suspension are drawn in full.
        #expect(terminal.fullFrames == [true, false, true, true])
    }
}
