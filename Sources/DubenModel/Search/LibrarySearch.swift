#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searches the files of a library as grep does — over the decoded bytes, line by line — and
/// resolves document, block, section and date only for the matches (`duben search`).
///
/// Counting (`count(in:)`) never parses: it runs the pattern's matcher over each file's bytes.
/// Listing goes through a `LibraryCatalogue` (every document's id and title from its first
/// line, no parsing) and parses only the documents that hold a match (`forEachHit`).
public struct LibrarySearch: Sendable {
    public let pattern: SearchPattern

    /// The regex engine gave up on a line of a file (ICU's time limit, or its stack, on a
    /// pathological pattern such as `(a+)+b`).
    public struct EngineFailure: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var description: String {
            "\(path): the pattern took too long to match (the regex engine's time limit); simplify it"
        }
    }

    public init(_ pattern: SearchPattern) {
        self.pattern = pattern
    }

    /// Byte ranges of every match in `file` (or in `range` of it, which must start at a line's
    /// start), in order. Matches never cross a line feed.
    public func matches(in file: SourceFile, within range: Range<Int>? = nil) throws(EngineFailure) -> [Range<Int>] {
        var found: [Range<Int>] = []
        try scan(file, within: range) { found.append($0) }
        return found
    }

    /// The number of matches in the files, from their bytes alone (nothing is parsed). Counts
    /// what `grep -o PATTERN | wc -l` counts, with the folding of `SearchPattern`.
    public func count(in files: [SourceFile]) throws(EngineFailure) -> Int {
        var total = 0
        for file in files { try scan(file, within: nil) { _ in total += 1 } }
        return total
    }

    /// Runs the matcher over a file's bytes.
    func scan(_ file: SourceFile, within range: Range<Int>?, _ body: (Range<Int>) -> Void) throws(EngineFailure) {
        var matcher = pattern.matcher()
        let ok = file.bytes.withUnsafeBufferPointer { all -> Bool in
            let r = range ?? 0..<all.count
            let part = UnsafeBufferPointer(rebasing: all[r])
            return matcher.forEachMatch(in: part) { m in
                body((m.lowerBound + r.lowerBound)..<(m.upperBound + r.lowerBound))
                return true
            }
        }
        if !ok { throw EngineFailure(path: file.path) }
    }

    // MARK: Hits

    /// Where dated items are selected: the dates a match must overlap (either side open), or
    /// the day, month or year it must fall within (`on`, the exact rule of `--on`).
    public struct DateFilter: Sendable {
        public var from: PartialDate?
        public var to: PartialDate?
        public var on: PartialDate?
        public init(from: PartialDate? = nil, to: PartialDate? = nil, on: PartialDate? = nil) {
            self.from = from
            self.to = to
            self.on = on
        }
        /// No bound: every match, dated or not.
        public var isEmpty: Bool { from == nil && to == nil && on == nil }

        /// Whether an item of this date is selected.
        public func keeps(_ date: DateSpan) -> Bool {
            if let on { return date.isWithin(on) }
            return date.overlaps(from: from, to: to)
        }
    }

    /// Calls `body` with every match of the catalogue's files (only those in document
    /// `entry` when given; only dated ones overlapping `dates` when it has a bound), in reading
    /// order, resolved to its document, block and date; `body` returns false to stop.
    /// Documents are parsed only when they hold a match, one at a time.
    /// Returns how many matches `dates.on` left out because their date is coarser than the day
    /// (a quotation dated only "2020-03" for 2020-03-27), for the closing line.
    @discardableResult
    public func forEachHit(in catalogue: LibraryCatalogue, document entry: Int? = nil, dates: DateFilter = DateFilter(),
                           contextScalars: Int = 30, _ body: (SearchHit) -> Bool) throws(EngineFailure) -> Int {
        var coarser = 0
        for (f, source) in catalogue.sources.enumerated() {
            let file = source.file
            let entries = catalogue.entries.indices.filter { catalogue.entries[$0].file == f && (entry == nil || entry == $0) }
            guard !entries.isEmpty else { continue }
            let within = entry.map { catalogue.entries[$0].extent }
            let found = try matches(in: file, within: within)
            guard !found.isEmpty else { continue }
            var lines = LineCounter(file.bytes)
            var k = 0
            for e in entries {
                let extent = catalogue.entries[e].extent
                while k < found.count && found[k].lowerBound < extent.lowerBound { k += 1 }
                guard k < found.count, found[k].lowerBound < extent.upperBound else { continue }
                let doc = catalogue.document(e)
                let dating = DocumentDating(doc)
                while k < found.count && found[k].lowerBound < extent.upperBound {
                    let m = found[k]
                    k += 1
                    let anchor = doc.anchor(atByte: m.lowerBound)
                    let quotation = doc.quotation(at: anchor.block)
                    let dated = dating.date(block: anchor.block, offset: anchor.offset, quotation: quotation)
                    if !dates.isEmpty {
                        guard let d = dated, dates.keeps(d.date) else {
                            // A coarser date that may include the day: left out, counted.
                            if let d = dated, let on = dates.on, d.date.overlaps(from: on, to: on) { coarser += 1 }
                            continue
                        }
                    }
                    let context = SearchHit.context(file.bytes, around: m, scalars: contextScalars)
                    let hit = SearchHit(
                        entry: e, number: catalogue.entries[e].number, document: doc, path: file.path, bytes: m,
                        line: lines.line(of: m.lowerBound), block: anchor.block, offset: anchor.offset,
                        section: dating.section(at: anchor.block).map { doc.toc[$0].label }, quotation: quotation,
                        dated: dated?.kind, date: dated?.date, text: file.string(m), before: context.before, after: context.after,
                        lineGoesOnBefore: context.cutBefore, lineGoesOnAfter: context.cutAfter)
                    if !body(hit) { return coarser }
                }
            }
        }
        return coarser
    }
}

/// One match of `LibrarySearch`, resolved.
public struct SearchHit: Sendable {
    /// The document's index in `LibraryCatalogue.entries`.
    public var entry: Int
    /// The document's number in the library (from 1, as `duben list` numbers).
    public var number: Int
    public var document: Document
    /// The file, as the loader names it.
    public var path: String
    /// The match's bytes in the decoded file (UTF-8, LF line ends; a UTF-8 file's own bytes
    /// when it had no byte-order mark and no CR).
    public var bytes: Range<Int>
    /// Its line in the file, from 1.
    public var line: Int
    /// Where it starts, as a `TextAnchor` says it: the block and the offset in Unicode scalars
    /// in the block's text (0 for a match in the indentation before a block).
    public var block: Int
    public var offset: Int
    /// The innermost heading above it.
    public var section: String?
    /// The quotation it is in (its paragraphs or its citation).
    public var quotation: Quotation?
    /// What dates it: its quotation, a report's dateline or day marker, or its section's date line.
    public var dated: DatedItem.Kind?
    public var date: DateSpan?
    /// The matched text.
    public var text: String
    /// The text of its line before and after it (up to `contextScalars` scalars each).
    public var before: String
    public var after: String
    /// Whether the line goes on beyond `before` and `after` (they were cut).
    public var lineGoesOnBefore: Bool
    public var lineGoesOnAfter: Bool

    public var anchor: TextAnchor { TextAnchor(document: document.id, block: block, offset: offset) }

    /// Up to `scalars` scalars of the line before and after `range`.
    static func context(_ bytes: SourceBytes, around range: Range<Int>, scalars: Int) -> (before: String, after: String, cutBefore: Bool, cutAfter: Bool) {
        bytes.withUnsafeBufferPointer { p in
            var lo = range.lowerBound, n = 0
            while lo > 0 && n < scalars && p[lo - 1] != 0x0A {
                lo = UTF8Scalars.previousStart(p, before: lo, lowerBound: 0)
                n += 1
            }
            var hi = range.upperBound
            n = 0
            while hi < p.count && n < scalars && p[hi] != 0x0A {
                hi += UTF8Scalars.scalarLength(p[hi])
                n += 1
            }
            hi = min(hi, p.count)
            return (String(decoding: p[lo..<range.lowerBound], as: UTF8.self), String(decoding: p[range.upperBound..<hi], as: UTF8.self),
                    lo > 0 && p[lo - 1] != 0x0A, hi < p.count && p[hi] != 0x0A)
        }
    }
}

/// Line numbers of increasing offsets in a file, counted with `memchr` from the last one.
struct LineCounter {
    let bytes: SourceBytes
    var offset = 0
    var line = 1

    init(_ bytes: SourceBytes) { self.bytes = bytes }

    mutating func line(of target: Int) -> Int {
        if target < offset { offset = 0; line = 1 }
        bytes.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            while offset < target, let hit = memchr(base + offset, 0x0A, target - offset) {
                offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
                line += 1
            }
            offset = max(offset, target)
        }
        return line
    }
}

/// What dates a position in a document (`Chronology`'s items): its quotation's citation;
/// else in a report, the last day marker before it (the dateline before the first); else the
/// date line under the heading of its section, up to the next heading of that level or above.
/// Also finds the section (`Document.section(at:)`). Binary searches: a document of 100 MB
/// has tens of thousands of headings and matches.
struct DocumentDating {
    let document: Document
    /// A report's dateline and day markers, in reading order.
    let passages: [DatedPassage]
    /// Section date lines with the block where their section ends, by block.
    let sections: [(passage: DatedPassage, end: Int)]
    /// The latest end of `sections[0...k]`: no section before k holds a block from there on.
    let endsSoFar: [Int]
    /// The headings (not run-in points): their blocks and TOC indices, in order.
    let headingBlocks: [Int]
    let headingIndices: [Int]

    init(_ doc: Document) {
        document = doc
        passages = ([doc.dateline].compactMap { $0 } + doc.datedPassages.filter { $0.kind != .sectionDate })
            .sorted { ($0.block, $0.offset) < ($1.block, $1.offset) }
        var blocks: [Int] = [], indices: [Int] = []
        for (i, e) in doc.toc.enumerated() where !e.isRunIn {
            blocks.append(e.block)
            indices.append(i)
        }
        headingBlocks = blocks
        headingIndices = indices
        var sections: [(passage: DatedPassage, end: Int)] = []
        for p in doc.datedPassages where p.kind == .sectionDate {
            let h = DocumentDating.lastIndex(blocks, atOrBefore: p.block)
            let level = h.map { doc.toc[indices[$0]].level } ?? Int.min
            var k = (h ?? -1) + 1
            while k < blocks.count && (blocks[k] <= p.block || doc.toc[indices[k]].level > level) { k += 1 }
            sections.append((p, k < blocks.count ? blocks[k] : doc.blocks.count))
        }
        self.sections = sections.sorted { $0.passage.block < $1.passage.block }
        var latest = Int.min
        endsSoFar = self.sections.map { latest = max(latest, $0.end); return latest }
    }

    /// The index of the last value ≤ `x` in sorted `values`.
    static func lastIndex(_ values: [Int], atOrBefore x: Int) -> Int? {
        var lo = 0, hi = values.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if values[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? lo - 1 : nil
    }

    /// The innermost heading at or before a block: its index in the TOC.
    func section(at block: Int) -> Int? {
        DocumentDating.lastIndex(headingBlocks, atOrBefore: block).map { headingIndices[$0] }
    }

    func date(block: Int, offset: Int, quotation: Quotation?) -> (kind: DatedItem.Kind, date: DateSpan)? {
        if let q = quotation { return (.quotation, q.citation.date) }
        if document.dateline != nil, !passages.isEmpty {
            var lo = 0, hi = passages.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if (passages[mid].block, passages[mid].offset) <= (block, offset) { lo = mid + 1 } else { hi = mid }
            }
            let before = passages[max(lo - 1, 0)]
            return (DatedItem.Kind(before.kind), before.date)
        }
        var lo = 0, hi = sections.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sections[mid].passage.block <= block { lo = mid + 1 } else { hi = mid }
        }
        var k = lo - 1
        while k >= 0 && block < endsSoFar[k] {
            if block < sections[k].end { return (.sectionDate, sections[k].passage.date) }
            k -= 1
        }
        return nil
    }
}

/// The documents of a library's files, each with its id, title and place, found without
/// parsing them: the files are split into documents (`DocumentSplitter`), and each title
/// comes from its first line as the parser would take it. A document is parsed when asked
/// for (`document(_:)`), exactly as `CorpusBuilder` parses it.
public struct LibraryCatalogue: Sendable {
    public struct Entry: Sendable {
        /// From 1, in reading order (as `duben list` numbers).
        public var number: Int
        public var id: String
        public var title: String
        /// Index of the file in `sources`.
        public var file: Int
        /// From the document's first line to the next document's first line (the first
        /// document from the file's start, the last to its end): every byte of a file lies in
        /// one document's extent.
        public var extent: Range<Int>
    }

    public let sources: [LoadedSource]
    public private(set) var entries: [Entry] = []
    /// The files without a document that were skipped ("FILE: …; skipped"), with `skipEmpty`.
    public private(set) var skipped: [String] = []

    /// - Throws: `LoadError.empty` for a file without a document, as `CorpusBuilder` does;
    ///   with `skipEmpty` (several files), such a file is skipped (`skipped`) and only a
    ///   library with no document at all throws (`.allSkipped`).
    public init(_ sources: [LoadedSource], skipEmpty: Bool = false) throws(LoadError) {
        self.sources = sources
        var ids = UniqueDocumentIDs()
        for (f, source) in sources.enumerated() {
            let parser = DocumentParser(source: source.file)
            let before = entries.count
            DocumentSplitter.forEachDocument(source.file.bytes) { lines in
                let title = parser.title(lines)
                let start = entries.count == before ? 0 : lines[0].range.lowerBound
                if entries.count > before { entries[entries.count - 1].extent = entries[entries.count - 1].extent.lowerBound..<start }
                entries.append(Entry(number: entries.count + 1, id: ids.next(title: title), title: title, file: f,
                                     extent: start..<source.file.bytes.count))
            }
            if entries.count == before {
                guard skipEmpty else { throw .empty(path: source.file.path) }
                skipped.append("\(LoadError.empty(path: source.file.path).description); skipped")
            }
        }
        if entries.isEmpty && skipEmpty { throw .allSkipped(reasons: skipped) }
    }

    /// A document by id, unique id prefix, number (from 1) or unique part of its title, as
    /// `Corpus.document(matching:)` finds it: its index in `entries`.
    public func entry(matching key: String) -> Int? {
        if let i = entries.firstIndex(where: { $0.id == key }) { return i }
        let byPrefix = entries.indices.filter { entries[$0].id.hasPrefix(key) }
        if byPrefix.count == 1 { return byPrefix[0] }
        if let n = Int(key), n >= 1, n <= entries.count { return n - 1 }
        let byTitle = entries.indices.filter { entries[$0].title.contains(key) }
        return byTitle.count == 1 ? byTitle[0] : nil
    }

    /// The document of entry `index`, parsed as `CorpusBuilder` parses it (same id, metadata
    /// and dates).
    public func document(_ index: Int) -> Document {
        let entry = entries[index]
        let source = sources[entry.file]
        return CorpusBuilder.parseDocument(in: entry.extent, of: source.file, metadata: source.metadata, id: entry.id)
    }
}
