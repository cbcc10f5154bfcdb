/// The parsed documents of one file as bytes, for the index cache (`IndexCache`), and back.
///
/// Little-endian, no alignment: counts and offsets as 32- or 64-bit integers, strings as a
/// length and UTF-8, blocks as their 16 bytes each. Reading trusts nothing: every count and
/// range is checked against what is left of the archive and against the size of the file the
/// documents point into; anything out of place makes `decode` return nil (the file is then
/// parsed again), never a trap.
///
/// An entry (`entry(_:)`, format 3: `IndexCache.format`) is a table, then one record per document. The table —
/// the counts, a 32-byte row per document (its id's base and occurrence, its byte range, where
/// its record lies, the record's checksum) and a 32-byte row per dated item of the file (its
/// `Chronology`, in date order) — is what opening a library needs: `ArchivedDocuments` checks
/// it whole and decodes a record only when its document is first used.
public enum IndexArchive {
    /// Appends to a byte array.
    struct Writer {
        var bytes: [UInt8] = []

        mutating func u8(_ v: UInt8) { bytes.append(v) }
        mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func i32(_ v: Int) { u32(UInt32(bitPattern: Int32(clamping: v))) }
        mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
        mutating func range(_ r: Range<Int>) { int(r.lowerBound); int(r.upperBound) }
        mutating func string(_ s: String) {
            var s = s
            s.withUTF8 { p in
                u32(UInt32(p.count))
                bytes.append(contentsOf: p)
            }
        }
        mutating func optionalString(_ s: String?) {
            u8(s == nil ? 0 : 1)
            if let s { string(s) }
        }
        mutating func date(_ d: PartialDate) {
            i32(d.year ?? Int(Int32.min))
            u8(UInt8(d.month ?? 0))
            u8(UInt8(d.day ?? 0))
        }
        mutating func span(_ s: DateSpan) {
            date(s.start)
            u8(s.end == nil ? 0 : 1)
            if let e = s.end { date(e) }
        }
    }

    /// Reads from bytes, checking every step (nil: the archive is not what it should be).
    struct Reader {
        let p: UnsafeRawBufferPointer
        var at = 0
        /// The size of the file the documents point into: ranges must lie inside it.
        let limit: Int

        mutating func take(_ n: Int) -> UnsafeRawBufferPointer? {
            guard n >= 0, n <= p.count - at else { return nil }
            defer { at += n }
            return UnsafeRawBufferPointer(rebasing: p[at..<(at + n)])
        }
        mutating func u8() -> UInt8? { take(1).map { $0[0] } }
        mutating func u32() -> UInt32? { take(4).map { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) } }
        mutating func i32() -> Int? { u32().map { Int(Int32(bitPattern: $0)) } }
        mutating func u64() -> UInt64? { take(8).map { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) } }
        mutating func int() -> Int? { u64().map { Int(Int64(bitPattern: $0)) } }
        /// A count of things each at least `size` bytes long: no more than could be left.
        mutating func count(each size: Int) -> Int? {
            guard let n = u32().map(Int.init), n <= (p.count - at) / max(size, 1) else { return nil }
            return n
        }
        mutating func range() -> Range<Int>? {
            guard let lo = int(), let hi = int(), 0 <= lo, lo <= hi, hi <= limit else { return nil }
            return lo..<hi
        }
        mutating func string() -> String? {
            guard let n = u32(), let b = take(Int(n)) else { return nil }
            return String(validating: b, as: UTF8.self)
        }
        mutating func optionalString() -> String?? {
            guard let flag = u8() else { return nil }
            if flag == 0 { return .some(nil) }
            return string().map { .some($0) }
        }
        mutating func date() -> PartialDate? {
            guard let y = i32(), let m = u8(), let d = u8(), m <= 12, d <= 31 else { return nil }
            let year = y == Int(Int32.min) ? nil : y
            return PartialDate(year: year, month: m == 0 ? nil : Int(m), day: d == 0 ? nil : Int(d))
        }
        mutating func span() -> DateSpan? {
            guard let start = date(), let flag = u8() else { return nil }
            if flag == 0 { return DateSpan(start: start) }
            guard let end = date() else { return nil }
            return DateSpan(start: start, end: end)
        }
        var atEnd: Bool { at == p.count }
    }

    // MARK: Entries

    /// The size of a row of an entry's table (a document's, or a dated item's).
    static let rowSize = 32

    /// An entry's payload for the documents of one file (numbered from 0 in it), and the
    /// length of its table (the part the entry's checksum covers); nil when an id is not one
    /// `DocumentID` makes (such a file is not cached).
    static func entry(_ documents: [Document]) -> (bytes: [UInt8], checked: Int)? {
        var parts: [(UInt32, Int)] = []
        for d in documents {
            guard let p = DocumentID.parts(of: d.id), d.range.upperBound <= Int(UInt32.max) else { return nil }
            parts.append(p)
        }
        let items = Chronology.sortedByDate(Chronology.readingOrderItems(documents, firstDocument: 0, firstOrder: 0))
        var records = Writer()
        var spans: [(offset: Int, length: Int, sum: UInt32)] = []
        for d in documents {
            let start = records.bytes.count
            encode(d, into: &records)
            let sum = records.bytes.withUnsafeBytes { recordChecksum(UnsafeRawBufferPointer(rebasing: $0[start...])) }
            spans.append((start, records.bytes.count - start, sum))
        }
        var w = Writer()
        let checked = 8 + (documents.count + items.count) * rowSize
        w.bytes.reserveCapacity(checked + records.bytes.count)
        w.u32(UInt32(documents.count))
        w.u32(UInt32(items.count))
        for (k, d) in documents.enumerated() {
            w.u32(parts[k].0)
            w.u32(UInt32(parts[k].1))
            w.u32(UInt32(d.range.lowerBound))
            w.u32(UInt32(d.range.upperBound))
            w.u64(UInt64(spans[k].offset))
            w.u32(UInt32(spans[k].length))
            w.u32(spans[k].sum)
        }
        for item in items {
            w.u8(item.kind.code)
            w.u8(item.date.end == nil ? 0 : 1)
            w.u8(0)
            w.u8(0)
            w.u32(item.date.start.packedValue)
            w.u32(item.date.end?.packedValue ?? 0)
            w.u32(UInt32(item.documentIndex))
            w.i32(item.quotation ?? -1)
            w.i32(item.block)
            w.i32(item.offset)
            w.u32(UInt32(item.readingOrder))
        }
        precondition(w.bytes.count == checked)
        w.bytes += records.bytes
        return (w.bytes, checked)
    }

    /// The dated item in the row at `at`, when it is one of an entry of `documents` documents
    /// and `items` items; nil otherwise.
    static func item(_ p: UnsafeRawBufferPointer, at: Int, documents: Int, items: Int) -> DatedItem? {
        let kind = p[at], hasEnd = p[at + 1]
        let document = p.load32(at + 12), order = p.load32(at + 28)
        let quotation = Int32(bitPattern: p.load32(at + 16)), block = Int32(bitPattern: p.load32(at + 20)),
            offset = Int32(bitPattern: p.load32(at + 24))
        guard let kind = DatedItem.Kind(code: kind), hasEnd <= 1, Int(document) < documents, Int(order) < items,
              block >= 0, offset >= 0, quotation >= -1 else { return nil }
        let start = PartialDate(packedValue: p.load32(at + 4))
        let date = DateSpan(start: start, end: hasEnd == 1 ? PartialDate(packedValue: p.load32(at + 8)) : nil)
        return DatedItem(kind: kind, documentIndex: Int(document), quotation: quotation < 0 ? nil : Int(quotation),
                         block: Int(block), offset: Int(offset), date: date, readingOrder: Int(order))
    }

    /// A record's checksum (the low 32 bits of the cache's).
    static func recordChecksum(_ p: UnsafeRawBufferPointer) -> UInt32 {
        UInt32(truncatingIfNeeded: IndexCache.checksum(p))
    }

    // MARK: Documents

    /// A document's record (what `document(_:source:)` reads back).
    static func encode(_ d: Document, into w: inout Writer) {
        w.string(d.id)
        w.string(d.title)
        w.optionalString(d.author)
        w.string(d.kind.rawValue)
        w.range(d.range)
        w.int(d.notesBeforeTitle)
        w.u32(UInt32(d.blocks.count))
        for b in d.blocks {
            w.u32(UInt32(b.range.lowerBound))
            w.u32(UInt32(b.range.upperBound))
            switch b.kind {
            case .paragraph: w.u8(0); w.u8(0)
            case .heading(let level): w.u8(1); w.u8(UInt8(clamping: level))
            case .citation: w.u8(2); w.u8(0)
            case .note: w.u8(3); w.u8(0)
            }
            w.u8(b.isIndented ? 1 : 0)
            w.i32(b.quotation ?? -1)
        }
        w.u32(UInt32(d.toc.count))
        for e in d.toc {
            w.i32(e.level)
            w.range(e.labelRange)
            w.i32(e.block)
            w.u8(e.isRunIn ? 1 : 0)
        }
        w.u32(UInt32(d.quotations.count))
        for q in d.quotations {
            w.range(q.blocks)
            w.i32(q.citationBlock)
            w.i32(q.section ?? -1)
            citation(q.citation, into: &w)
        }
        w.u8(d.citation == nil ? 0 : 1)
        if let c = d.citation { citation(c, into: &w) }
        w.u8(d.dateline == nil ? 0 : 1)
        if let p = d.dateline { passage(p, into: &w) }
        w.u32(UInt32(d.datedPassages.count))
        for p in d.datedPassages { passage(p, into: &w) }
        w.u8(d.metadata == nil ? 0 : 1)
        if let m = d.metadata {
            w.u8(m.date == nil ? 0 : 1)
            if let date = m.date { w.span(date) }
            w.optionalString(m.place)
            w.optionalString(m.source)
        }
    }

    static func citation(_ c: Citation, into w: inout Writer) {
        w.range(c.textRange)
        w.range(c.occasionRange)
        w.u8(c.titleRange == nil ? 0 : 1)
        if let t = c.titleRange { w.range(t) }
        w.span(c.date)
    }

    static func passage(_ p: DatedPassage, into w: inout Writer) {
        w.string(p.kind.rawValue)
        w.span(p.date)
        w.int(p.block)
        w.int(p.offset)
        w.string(p.marker)
    }

    /// The document of the record at `r`, pointing into `source`; nil when the record is not
    /// a whole, consistent one for a file of that size.
    static func document(_ r: inout Reader, source: SourceFile) -> Document? {
        guard let id = r.string(), let title = r.string(), let author = r.optionalString(),
              let kind = r.string().flatMap(Document.Kind.init(rawValue:)), let range = r.range(),
              let notesBeforeTitle = r.int(), let blockCount = r.count(each: 15) else { return nil }
        var blocks: [Block] = []
        blocks.reserveCapacity(blockCount)
        for _ in 0..<blockCount {
            guard let lo = r.u32().map(Int.init), let hi = r.u32().map(Int.init), let code = r.u8(), let level = r.u8(),
                  let indented = r.u8(), let q = r.i32(), lo <= hi, hi <= r.limit, code <= 3 else { return nil }
            let kind: Block.Kind = code == 1 ? .heading(level: Int(level)) : code == 2 ? .citation : code == 3 ? .note : .paragraph
            blocks.append(Block(kind: kind, range: lo..<hi, isIndented: indented == 1, quotation: q < 0 ? nil : q))
        }
        guard let tocCount = r.count(each: 25) else { return nil }
        var toc: [TOCEntry] = []
        toc.reserveCapacity(tocCount)
        for _ in 0..<tocCount {
            guard let level = r.i32(), let label = r.range(), let block = r.i32(), let runIn = r.u8(),
                  (0..<blockCount).contains(block), (0...255).contains(level) else { return nil }
            toc.append(TOCEntry(level: level, labelRange: label, in: source, block: block, isRunIn: runIn == 1))
        }
        guard let quotationCount = r.count(each: 40) else { return nil }
        var quotations: [Quotation] = []
        quotations.reserveCapacity(quotationCount)
        for index in 0..<quotationCount {
            guard let qBlocks = r.range(), let citationBlock = r.i32(), let section = r.i32(), let c = citation(&r, source: source),
                  qBlocks.upperBound <= blockCount, (0..<blockCount).contains(citationBlock), section < tocCount else { return nil }
            quotations.append(Quotation(index: index, blocks: qBlocks, citation: c, section: section < 0 ? nil : section,
                                        citationBlock: citationBlock))
        }
        guard let hasCitation = r.u8() else { return nil }
        var ownCitation: Citation? = nil
        if hasCitation == 1 {
            guard let c = citation(&r, source: source) else { return nil }
            ownCitation = c
        }
        guard let hasDateline = r.u8() else { return nil }
        var dateline: DatedPassage? = nil
        if hasDateline == 1 {
            guard let p = passage(&r, blocks: blockCount) else { return nil }
            dateline = p
        }
        guard let passageCount = r.count(each: 20) else { return nil }
        var passages: [DatedPassage] = []
        passages.reserveCapacity(passageCount)
        for _ in 0..<passageCount {
            guard let p = passage(&r, blocks: blockCount) else { return nil }
            passages.append(p)
        }
        guard let hasMetadata = r.u8() else { return nil }
        var metadata: DocumentMetadata? = nil
        if hasMetadata == 1 {
            guard let hasDate = r.u8() else { return nil }
            var date: DateSpan? = nil
            if hasDate == 1 {
                guard let d = r.span() else { return nil }
                date = d
            }
            guard let place = r.optionalString(), let from = r.optionalString() else { return nil }
            metadata = DocumentMetadata(date: date, place: place, source: from)
        }
        for b in blocks where (b.quotation.map { $0 >= quotationCount }) ?? false { return nil }
        var document = Document(id: id, title: title, author: author, kind: kind, source: source, range: range, blocks: blocks,
                                toc: toc, quotations: quotations, dateline: dateline, datedPassages: passages, metadata: metadata,
                                citation: ownCitation)
        document.notesBeforeTitle = notesBeforeTitle
        return document
    }

    static func citation(_ r: inout Reader, source: SourceFile) -> Citation? {
        guard let text = r.range(), let occasion = r.range(), let hasTitle = r.u8() else { return nil }
        var title: Range<Int>? = nil
        if hasTitle == 1 {
            guard let t = r.range() else { return nil }
            title = t
        }
        guard let date = r.span() else { return nil }
        return Citation(source: source, textRange: text, occasionRange: occasion, titleRange: title, date: date)
    }

    static func passage(_ r: inout Reader, blocks: Int) -> DatedPassage? {
        guard let kind = r.string().flatMap(DatedPassage.Kind.init(rawValue:)), let date = r.span(), let block = r.int(),
              let offset = r.int(), let marker = r.string(), (0..<blocks).contains(block), offset >= 0 else { return nil }
        return DatedPassage(kind: kind, date: date, block: block, offset: offset, marker: marker)
    }
}
