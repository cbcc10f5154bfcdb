import DubenModel
import Foundation

/// JSON shapes of the command output (documented in Docs/COMMANDS.md and Docs/DUMP.md).
enum JSONOutput {
    /// The encoder of every JSON output: pretty, keys sorted, slashes as they are.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func write<T: Encodable>(_ value: T) throws {
        var data = try encoder.encode(value)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}

/// `duben list --json`: one object per document.
struct DocumentSummary: Encodable {
    var id: String
    var number: Int
    var kind: String
    var title: String
    @Nullable var author: String?
    @Nullable var date: String?
    @Nullable var dateEnd: String?
    var path: String
    var blocks: Int
    var headings: Int
    var quotations: Int
    var datedPassages: Int

    init(_ doc: Document, number: Int) {
        id = doc.id
        self.number = number
        kind = doc.kind.rawValue
        title = doc.title
        author = doc.author
        date = doc.date?.start.iso
        dateEnd = doc.date?.end?.iso
        path = doc.source.path
        blocks = doc.blocks.count
        headings = doc.toc.filter { !$0.isRunIn }.count
        quotations = doc.quotations.count
        datedPassages = doc.datedPassages.count
    }
}

/// `duben toc --json`: a document's heading tree, flattened with levels.
struct TOCOutput: Encodable {
    struct Entry: Encodable {
        var level: Int
        var label: String
        var block: Int
        var runIn: Bool
    }
    var document: String
    var title: String
    var entries: [Entry]

    init(_ doc: Document) {
        document = doc.id
        title = doc.title
        entries = doc.toc.map { Entry(level: $0.level, label: $0.label, block: $0.block, runIn: $0.isRunIn) }
    }
}

/// `duben quotes --json`: one object per dated quotation.
struct QuotationOutput: Encodable {
    var document: String
    var documentTitle: String
    var index: Int
    var block: Int
    @Nullable var section: String?
    var date: String
    @Nullable var dateEnd: String?
    var precision: String
    var occasion: String
    @Nullable var title: String?
    var citation: String
    var text: String

    init(_ doc: Document, _ q: Quotation) {
        document = doc.id
        documentTitle = doc.title
        index = q.index
        block = q.startBlock
        section = q.section.map { doc.toc[$0].label }
        date = q.citation.date.start.iso
        dateEnd = q.citation.date.end?.iso
        precision = q.citation.date.start.precision.rawValue
        occasion = q.citation.occasion
        title = q.citation.title
        citation = q.citation.text
        text = doc.quotationText(q)
    }
}

/// `duben dump`: the whole parsed model, `{"documents": [...], "schemaVersion": 1}`, written
/// a document at a time (`stream`).
///
/// Optional fields marked `@Nullable` are written as `null`; the others (in `MetadataDump`,
/// `BlockDump`, `PassageDump`) are left out when nil.
enum DumpOutput {
    /// One document.
    struct DocumentDump: Encodable {
        var id: String
        var kind: String
        var title: String
        @Nullable var author: String?
        var path: String
        var encoding: String
        var byteRange: [Int]
        @Nullable var date: String?
        @Nullable var dateEnd: String?
        @Nullable var metadata: MetadataDump?
        var blocks: [BlockDump]
        var toc: [TOCOutput.Entry]
        var quotations: [QuotationOutput]
        @Nullable var dateline: PassageDump?
        var datedPassages: [PassageDump]
    }

    /// A document's metadata: only the facts `duben.toml` gives.
    struct MetadataDump: Encodable {
        var date: String?
        var dateEnd: String?
        var place: String?
        var source: String?
    }
    /// One block; `level` only for headings, `quotation` only for blocks of a quotation.
    struct BlockDump: Encodable {
        var index: Int
        var kind: String
        var level: Int?
        var indented: Bool
        var quotation: Int?
        var byteRange: [Int]
        var text: String
    }
    /// A report's dateline or day marker; `dateEnd` only for a span.
    struct PassageDump: Encodable {
        var kind: String
        var date: String
        var dateEnd: String?
        var block: Int
        var offset: Int
        var marker: String
    }

    static let schemaVersion = 1

    /// Writes the dump of `corpus` one document at a time, so that memory stays in proportion
    /// to the largest document rather than the corpus. The bytes are those `JSONOutput.write`
    /// would print for the whole value (pretty printed, keys sorted): each document's
    /// JSON is indented to its depth (empty lines stay empty, as the encoder leaves them), which
    /// is safe line by line because JSON strings hold no raw line feeds.
    static func stream(_ corpus: Corpus) throws {
        let encoder = JSONOutput.encoder
        var out = Array("{\n  \"documents\" : [\n".utf8)
        for (k, doc) in corpus.documents.enumerated() {
            let json = try encoder.encode(DocumentDump(doc))
            json.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var lineStart = true
                for b in bytes {
                    if lineStart && b != 0x0A { out.append(contentsOf: [0x20, 0x20, 0x20, 0x20]) }
                    out.append(b)
                    lineStart = b == 0x0A
                }
            }
            out.append(contentsOf: Array((k + 1 < corpus.documents.count ? ",\n" : "\n").utf8))
            if out.count > 1 << 20 {
                FileHandle.standardOutput.write(Data(out))
                out.removeAll(keepingCapacity: true)
            }
        }
        out.append(contentsOf: Array("  ],\n  \"schemaVersion\" : \(schemaVersion)\n}\n".utf8))
        FileHandle.standardOutput.write(Data(out))
    }
}

extension DumpOutput.DocumentDump {
    init(_ doc: Document) {
        func passage(_ p: DatedPassage) -> DumpOutput.PassageDump {
            .init(kind: p.kind.rawValue, date: p.date.start.iso, dateEnd: p.date.end?.iso, block: p.block, offset: p.offset, marker: p.marker)
        }
        self.init(
            id: doc.id, kind: doc.kind.rawValue, title: doc.title, author: doc.author, path: doc.source.path,
            encoding: doc.source.encoding.rawValue, byteRange: [doc.range.lowerBound, doc.range.upperBound],
            date: doc.date?.start.iso, dateEnd: doc.date?.end?.iso,
            metadata: doc.metadata.map { .init(date: $0.date?.start.iso, dateEnd: $0.date?.end?.iso, place: $0.place, source: $0.source) },
            blocks: doc.blocks.enumerated().map { i, b in
                .init(index: i, kind: b.kindName, level: b.headingLevel, indented: b.isIndented, quotation: b.quotation,
                      byteRange: [b.range.lowerBound, b.range.upperBound], text: doc.text(of: i))
            },
            toc: TOCOutput(doc).entries,
            quotations: doc.quotations.map { QuotationOutput(doc, $0) },
            dateline: doc.dateline.map(passage),
            datedPassages: doc.datedPassages.map(passage))
    }
}
