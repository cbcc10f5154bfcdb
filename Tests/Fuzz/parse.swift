import DubenModel

// bytes → decode → split → parse (through the public APIs the loader uses on bytes already in
// memory: `SourceDecoder.decode`, `SourceFile(path:bytes:…)`, `CorpusBuilder`).
// Invariants: no trap; the decoded text is well-formed UTF-8 with LF line ends; every block
// lies inside its document and the text, on scalar boundaries, blocks in order without
// overlapping; byte offset → anchor → byte offset round-trips at every scalar of a block;
// the decoded text read again is itself (decoding is idempotent), and parsing it again gives
// the same documents; each document's own text, parsed alone, gives the same document.

/// What must be equal between two parses of the same text: everything the dump shows
/// except ids (a title repeated elsewhere gets "-2") and byte positions of the whole file.
struct DocumentShape: Equatable {
    var title: String
    var author: String?
    var kind: String
    var blocks: [String]
    var toc: [String]
    var quotations: [String]
    var date: String?

    init(_ d: Document) {
        title = d.title
        author = d.author
        kind = d.kind.rawValue
        blocks = d.blocks.indices.map { "\(d.blocks[$0].kindName)\(d.blocks[$0].headingLevel ?? 0)|\(d.blocks[$0].quotation ?? -1)|\(d.text(of: $0))" }
        toc = d.toc.map { "\($0.level)|\($0.block)|\($0.label)" }
        quotations = d.quotations.map { "\($0.blocks)|\($0.citationBlock)|\($0.citation.date)|\($0.citation.text)" }
        date = d.date?.description
    }
}

func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
    var it = bytes.makeIterator()
    var decoder = UTF8()
    while true {
        switch decoder.decode(&it) {
        case .scalarValue: continue
        case .emptyInput: return true
        case .error: return false
        }
    }
}

func isScalarStart(_ bytes: [UInt8], _ i: Int) -> Bool {
    i == bytes.count || i == 0 || bytes[i] & 0xC0 != 0x80
}

func build(_ bytes: [UInt8], path: String) -> [Document] {
    var builder = CorpusBuilder()
    builder.add(LoadedSource(file: SourceFile(path: path, bytes: bytes)))
    return Array(builder.corpus.documents)
}

func checkAnchors(_ d: Document) {
    let bytes = d.source.bytes
    // Bounded work per input: the first 40 blocks, 400 scalars each.
    for b in d.blocks.indices.prefix(40) {
        var offset = 0
        var checked = 0
        for seg in d.segments(of: b) {
            if seg.joinsWithSpace { offset += 1 }
            var i = seg.range.lowerBound
            while i < seg.range.upperBound && checked < 400 {
                let anchor = d.anchor(atByte: i)
                let back = d.byteOffset(of: anchor)
                require(back == i, "byte \(i) → anchor \(anchor) → byte \(back) in block \(b) \(d.blocks[b].range)")
                if d.blocks[b].range.lowerBound < d.blocks[b].range.upperBound {
                    require(anchor.block == b && anchor.offset == offset,
                            "byte \(i) of block \(b) gives anchor \(anchor), expected offset \(offset)")
                }
                i += UTF8Scalars.scalarLength(bytes[i])
                offset += 1
                checked += 1
            }
        }
    }
}

func checkDocument(_ d: Document, text: [UInt8]) {
    require(d.source.bytes == text, "a document refers to another text")
    require(d.range.lowerBound >= 0 && d.range.upperBound <= text.count, "document range \(d.range) outside the text (\(text.count))")
    var previousEnd = d.range.lowerBound
    for (i, block) in d.blocks.enumerated() {
        let r = block.range
        require(r.lowerBound >= d.range.lowerBound && r.upperBound <= d.range.upperBound,
                "block \(i) \(r) outside its document \(d.range)")
        require(r.lowerBound <= r.upperBound, "block \(i) range reversed")
        require(r.lowerBound >= previousEnd, "block \(i) \(r) overlaps the block before (ends \(previousEnd))")
        require(isScalarStart(text, r.lowerBound) && isScalarStart(text, r.upperBound), "block \(i) \(r) cuts a scalar")
        previousEnd = r.upperBound
        if let q = block.quotation { require(q >= 0 && q < d.quotations.count, "block \(i) names quotation \(q) of \(d.quotations.count)") }
    }
    for q in d.quotations {
        require(q.blocks.lowerBound >= 0 && q.blocks.upperBound <= d.blocks.count, "quotation blocks \(q.blocks) of \(d.blocks.count)")
        let t = q.citation.textRange
        require(t.lowerBound >= 0 && t.upperBound <= text.count && isScalarStart(text, t.lowerBound) && isScalarStart(text, t.upperBound),
                "citation text \(t) outside the text or cutting a scalar")
    }
    for e in d.toc { require(e.block >= 0 && e.block < d.blocks.count, "toc entry at block \(e.block) of \(d.blocks.count)") }
    checkAnchors(d)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParse(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let raw = inputBytes(data, size)
    guard let decoded = try? SourceDecoder.decode(raw) else { return 0 }
    let text = decoded.bytes
    require(isValidUTF8(text[...]), "decoded text is not well-formed UTF-8")
    require(!text.contains(0x0D), "decoded text has a CR")

    let documents = build(text, path: "fuzz.txt")
    for d in documents { checkDocument(d, text: text) }

    // The text that `dump` shows offsets into, read again, is itself, and gives the same
    // documents. (Two things make a decoded text read differently as a file — a NUL, which a
    // file must not have in its first 8 KiB, and a byte-order mark at its start, which a file
    // may not keep — so those texts are only parsed again, not decoded again.)
    if !text.prefix(8192).contains(0) && !text.starts(with: [0xEF, 0xBB, 0xBF]) {
        let again = try? SourceDecoder.decode(text)
        require(again?.bytes == text, "decoding the decoded text changes it")
    }
    let reparsed = build(text, path: "fuzz.txt")
    require(reparsed.map(DocumentShape.init) == documents.map(DocumentShape.init), "parsing the same text twice differs")
    require(reparsed.map(\.id) == documents.map(\.id), "ids differ between two parses")

    // Each document alone: its own bytes are one document, the same one.
    for d in documents.prefix(8) {
        let own = Array(text[d.range])
        let alone = build(own, path: "alone.txt")
        require(alone.count == 1, "document \(d.id) \(d.range) alone makes \(alone.count) documents")
        require(DocumentShape(alone[0]) == DocumentShape(d), "document \(d.id) \(d.range) parses differently alone")
    }
    return 0
}
