import DubenTestSupport
import Testing
@testable import DubenModel

/// `LibrarySearch`: counting over bytes, the catalogue's ids and titles, resolving matches.
@Suite struct LibrarySearchTests {
    /// The vectorised UTF-8 check agrees with `SourceDecoder`'s on random and edge-case bytes.
    @Test func fastUTF8CheckAgreesWithTheDecoder() {
        var rng = SplitMix(seed: 13)
        let pieces: [[UInt8]] = [
            Array("中国人民".utf8), Array("abc 1700".utf8), Array("😀".utf8), [0xE4, 0xB8], [0xE4], [0x80], [0xC0, 0x80],
            [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xE0, 0x9F, 0xBF], [0xFF], [0xC2, 0xA0],
            [0xEF, 0xBF, 0xBD], [0xF0, 0x9F, 0x98], Array(String(repeating: "a", count: 31).utf8),
        ]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            let n = Int(rng.next() % 40)
            for _ in 0..<n {
                // Mostly well-formed pieces; now and then one that is not.
                let k = Int(rng.next() % UInt64(pieces.count))
                bytes += rng.next() % 8 == 0 ? pieces[k] : pieces[k % 3]
            }
            let expected = SourceDecoder.scanValidPrefix(bytes) == bytes.count
            let fast = bytes.withUnsafeBufferPointer { LibrarySearch.isWellFormed($0) }
            #expect(fast == expected, "\(bytes)")
        }
    }

    /// The catalogue gives every document the id and title the parser gives it, and parses a
    /// document as `CorpusBuilder` does.
    @Test(arguments: [TestSupport.textsPath, TestSupport.repoRoot.appendingPathComponent("Tests/DubenModelTests/RealWorld").path])
    func catalogueAgreesWithTheCorpus(path: String) throws {
        let sources = try CorpusLoader().readSources(paths: [path])
        let corpus = try CorpusBuilder().build(sources)
        let catalogue = try LibraryCatalogue(sources)
        #expect(catalogue.entries.map(\.id) == corpus.documents.map(\.id))
        #expect(catalogue.entries.map(\.title) == corpus.documents.map(\.title))
        for (i, doc) in corpus.documents.enumerated() {
            let parsed = catalogue.document(i)
            #expect(parsed.blocks == doc.blocks)
            #expect(parsed.quotations.count == doc.quotations.count)
            #expect(parsed.date == doc.date)
        }
    }

    /// Repeated titles get "-2" as in a corpus; every byte of a file lies in one extent.
    @Test func repeatedTitlesAndExtents() throws {
        let text = "\n讲话\n\n　　第一段。\n\n\n\n讲话\n\n　　第二段。\n\n\n\n同志们：\n\n　　第三段。\n"
        let source = LoadedSource(file: SourceFile(path: "t.txt", bytes: Array(text.utf8)))
        let corpus = try CorpusBuilder().build([source])
        let catalogue = try LibraryCatalogue([source])
        #expect(catalogue.entries.map(\.id) == corpus.documents.map(\.id))
        #expect(catalogue.entries.map(\.title) == ["讲话", "讲话", ""])
        #expect(catalogue.entries.first?.extent.lowerBound == 0)
        #expect(catalogue.entries.last?.extent.upperBound == text.utf8.count)
        for (a, b) in zip(catalogue.entries, catalogue.entries.dropFirst()) { #expect(a.extent.upperBound == b.extent.lowerBound) }
        #expect(catalogue.entry(matching: "2") == 1)
        let search = LibrarySearch(try SearchPattern("第.段"))
        var hits: [SearchHit] = []
        try search.forEachHit(in: catalogue) { hits.append($0); return true }
        #expect(hits.map(\.entry) == [0, 1, 2])
        #expect(hits.map(\.text) == ["第一段", "第二段", "第三段"])
        #expect(hits.map(\.line) == [4, 10, 16])
        #expect(hits.allSatisfy { $0.offset == 0 && $0.before.isEmpty || $0.before == "　　" })
    }

    /// The regex engine's byte offsets are right around astral characters and full-width forms.
    @Test func offsetsAroundAstralCharacters() throws {
        let text = "x😀a😀ab，ａ中"
        let p = try SearchPattern("a.")
        var m = p.matcher()
        var ranges: [Range<Int>] = []
        var s = text
        s.withUTF8 { buffer in _ = m.forEachMatch(in: buffer) { ranges.append($0); return true } }
        let bytes = Array(text.utf8)
        #expect(ranges.map { String(decoding: bytes[$0], as: UTF8.self) } == ["a😀", "ab", "ａ中"])
    }

    /// Counting mapped files in pieces agrees with counting the decoded text in one.
    @Test func countsInPiecesAgree() throws {
        let search = LibrarySearch(try SearchPattern("命运.*共同体"))
        let source = try CorpusLoader().read(TestSupport.textsPath + "/corpus-2020.txt")
        let whole = try search.count(in: [source])
        for pieces in [1, 2, 3, 7] {
            let counted = source.bytes.withUnsafeBufferPointer { p in
                LibrarySearch.pieces(p, count: pieces).reduce(0) { total, r in
                    total + ((try? search.matches(in: source, within: r).count) ?? 0)
                }
            }
            #expect(counted == whole)
        }
        #expect(try search.count(paths: [TestSupport.textsPath]).matches == whole)
    }
}
