import DubenLayout
import DubenModel
import DubenTestSupport
import Foundation
import Testing

/// Golden renders of a few passages at widths 20 and 40, reviewed by eye. A missing golden is
/// written and the test fails so that a person looks at it; `DUBEN_RECORD=1` rewrites them all.
@Suite("Golden renders")
struct GoldenRenderTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    func assertGolden(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Golden.assert(actual, matches: name, in: Self.goldenDirectory, sourceLocation: sourceLocation)
    }

    func render(document: Int, blocks: Range<Int>, width: Int) -> String {
        let doc = LayoutChecks.bundled.documents[document]
        let layout = DocumentLayout(document: doc, options: LayoutOptions(width: width))
        return blocks.map { layout.lines(ofBlock: $0).map(\.rendered).joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    @Test(arguments: [20, 40])
    func reportOpening(width: Int) throws {
        try assertGolden("report-\(width).txt", render(document: 0, blocks: 0..<3, width: width))
    }

    @Test(arguments: [20, 40])
    func quotationWithCitation(width: Int) throws {
        try assertGolden("quotation-\(width).txt", render(document: 1, blocks: 0..<3, width: width))
    }

    @Test(arguments: [20, 40])
    func speechWithRunInPoints(width: Int) throws {
        try assertGolden("speech-\(width).txt", render(document: 2, blocks: 3..<6, width: width))
    }
}
