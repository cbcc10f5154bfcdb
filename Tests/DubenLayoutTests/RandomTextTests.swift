import DubenLayout
import DubenModel
import DubenTestSupport
import Foundation
import Testing

/// Seeded random documents built from the pieces real texts are made of (headings, citations
/// with dates, run-in points, datelines, hard-wrapped and indented lines, blank lines, form
/// feeds, CRLF, Latin words, numbers with units, emoji, combining marks, ambiguous
/// punctuation): the parser keeps its invariants and every layout keeps its hard ones (no line
/// wider than the width; the lines joined give back the block text).
@Suite("Random texts")
struct RandomTextTests {
    static func randomText(_ rng: inout SplitMix) -> String { RandomText.make(&rng) }

    @Test(arguments: 0..<8)
    func parserAndLayoutKeepTheirInvariants(_ seed: Int) throws {
        var rng = SplitMix(seed: UInt64(seed) &* 7919 &+ 1)
        for _ in 0..<40 {
            let text = Self.randomText(&rng)
            let decoded = try SourceDecoder.decode(Array(text.utf8))
            let source = SourceFile(path: "random.txt", bytes: decoded.bytes)
            let parser = DocumentParser(source: source)
            for lines in DocumentSplitter.split(source.bytes) {
                let doc = parser.parse(lines: lines)
                try checkModel(doc, text: text)
                let width = Int.random(in: 8...120, using: &rng)
                let layout = DocumentLayout(document: doc, options: LayoutOptions(width: width))
                for b in doc.blocks.indices {
                    let lines = layout.lines(ofBlock: b).map(\.rendered)
                    var joined = ""
                    for (k, line) in lines.enumerated() {
                        let w = DisplayWidth().width(of: line)
                        #expect(w <= width, "line wider than \(width): \(line) in\n\(text)")
                        joined += k == 0 ? String(line.drop { $0 == "\u{3000}" || $0 == " " }) : line
                    }
                    #expect(joined == doc.text(of: b), "lines differ from the block text at width \(width) in\n\(text)")
                }
            }
        }
    }

    func checkModel(_ doc: Document, text: String) throws {
        var previousEnd = doc.range.lowerBound
        for (b, block) in doc.blocks.enumerated() {
            #expect(block.range.lowerBound >= previousEnd && block.range.upperBound <= doc.range.upperBound, "block \(b) out of order in\n\(text)")
            #expect(!block.range.isEmpty && !doc.text(of: b).isEmpty)
            previousEnd = block.range.upperBound
            // Anchors: every scalar boundary of a one-line block goes to an anchor and back.
            if doc.isSingleLine(b) {
                var byte = block.range.lowerBound
                while byte <= block.range.upperBound {
                    #expect(doc.byteOffset(of: doc.anchor(atByte: byte)) == byte, "anchor round trip at \(byte) in\n\(text)")
                    if byte == block.range.upperBound { break }
                    byte += UTF8Scalars.scalarLength(doc.source.bytes[byte])
                }
            }
        }
        for q in doc.quotations {
            #expect(q.citationBlock < doc.blocks.count && doc.blocks[q.citationBlock].kind == .citation)
            #expect(doc.blocks[q.citationBlock].quotation == q.index)
            for b in q.blocks { #expect(doc.blocks[b].quotation == q.index && doc.blocks[b].kind == .paragraph) }
            #expect(q.citation.date.start.year != nil, "a citation carries a year in\n\(text)")
            #expect(doc.source.string(q.citation.textRange).isEmpty == false)
        }
        for e in doc.toc {
            #expect(e.block < doc.blocks.count && !e.label.isEmpty && e.level >= 1)
            #expect(e.labelRange.lowerBound >= doc.blocks[e.block].range.lowerBound
                    && e.labelRange.upperBound <= doc.blocks[e.block].range.upperBound)
        }
        for p in doc.datedPassages + [doc.dateline].compactMap({ $0 }) {
            // A report's passages are days; a section's date line may be a month or a year.
            #expect(p.block < doc.blocks.count && (p.kind == .sectionDate ? p.date.start.year != nil : p.date.start.day != nil))
            if p.kind == .sectionDate { #expect(doc.blocks[p.block].kind == .note) }
        }
    }
}
