/// Something dated in a corpus: a quotation, a dated document (a speech or report dated by its
/// metadata, the date line under its title or its dateline), a news report's day marker, or a
/// section dated by the date line under its heading.
///
/// Compact (28 bytes: 32-bit indices, the kind beside the quotation's index, no strings),
/// because a library of a gigabyte has nearly a million of them, all made when its timeline
/// first opens (36 bytes each before: 31 MB, whose page faults were half of that); what it
/// says is read from the corpus when shown (`label(in:)`).
public struct DatedItem: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable { case quotation, document, dateline, dayMarker, sectionDate }
    private var storedDocument: Int32
    /// The kind in the top 3 bits; below, the quotation's index + 1 (0: not a quotation).
    private var storedKindAndQuotation: UInt32
    private var storedBlock: Int32
    private var storedOffset: Int32
    private var storedOrder: Int32
    public var date: DateSpan

    /// The quotation part of `storedKindAndQuotation`: indices up to 2^29 - 2.
    private static let quotationMask: UInt32 = (1 << 29) - 1

    public init(kind: Kind, documentIndex: Int, quotation: Int?, block: Int, offset: Int, date: DateSpan, readingOrder: Int) {
        storedDocument = Int32(clamping: documentIndex)
        storedKindAndQuotation = UInt32(kind.code) << 29 | UInt32(clamping: min((quotation ?? -1) + 1, Int(Self.quotationMask)))
        storedBlock = Int32(clamping: block)
        storedOffset = Int32(clamping: offset)
        storedOrder = Int32(clamping: readingOrder)
        self.date = date
    }

    /// The kind, by its one-byte code (`Kind.code`, as the index cache keeps it).
    public var kind: Kind {
        get { Kind(code: UInt8(storedKindAndQuotation >> 29)) ?? .sectionDate }
        set { storedKindAndQuotation = UInt32(newValue.code) << 29 | (storedKindAndQuotation & Self.quotationMask) }
    }

    public var documentIndex: Int { Int(storedDocument) }
    /// The quotation's index in its document (quotations only).
    public var quotation: Int? {
        let q = storedKindAndQuotation & Self.quotationMask
        return q == 0 ? nil : Int(q) - 1
    }
    /// Where the item starts.
    public var block: Int { Int(storedBlock) }
    public var offset: Int { Int(storedOffset) }
    /// Position in reading order, for ties.
    public var readingOrder: Int {
        get { Int(storedOrder) }
        set { storedOrder = Int32(clamping: newValue) }
    }

    /// The occasion (quotations), the title (documents) or the marker as written (report
    /// passages), read from `corpus`, the corpus the item was made from.
    public func label(in corpus: Corpus) -> String {
        let doc = corpus.documents[documentIndex]
        switch kind {
        case .quotation: return quotation.map { doc.quotations[$0].citation.occasion } ?? ""
        case .document: return doc.title
        case .dateline, .dayMarker, .sectionDate:
            let passages = [doc.dateline].compactMap { $0 } + doc.datedPassages
            return passages.first { $0.block == block && $0.offset == offset }?.marker ?? ""
        }
    }
}

extension DatedItem {
    /// Moves an item of one file's chronology into a library's: its document and reading
    /// order counted from those before the file.
    mutating func shift(documents: Int, order: Int) {
        storedDocument = Int32(clamping: documentIndex + documents)
        storedOrder = Int32(clamping: readingOrder + order)
    }
}

extension DatedItem.Kind {
    /// The kind as one byte (the index cache), and back.
    var code: UInt8 {
        switch self {
        case .quotation: return 0
        case .document: return 1
        case .dateline: return 2
        case .dayMarker: return 3
        case .sectionDate: return 4
        }
    }

    init?(code: UInt8) {
        switch code {
        case 0: self = .quotation
        case 1: self = .document
        case 2: self = .dateline
        case 3: self = .dayMarker
        case 4: self = .sectionDate
        default: return nil
        }
    }

    /// The kind of item a document's dated passage is.
    init(_ passage: DatedPassage.Kind) {
        switch passage {
        case .dateline: self = .dateline
        case .dayMarker: self = .dayMarker
        case .sectionDate: self = .sectionDate
        }
    }
}

/// The dated items of a corpus in date order: earlier first; a month-precision date before the
/// days of that month (`PartialDate` ordering); ties in reading order; items without a year last.
///
/// A document with a date of its own (`Document.ownDate`) is an item at its start, so that a
/// speech is a target of `@`, `)` and `(` and shows in the timeline; its dateline, which gives
/// that date, is then not listed again as a passage.
public struct Chronology: Sendable {
    public let items: [DatedItem]

    /// The dated items of `corpus`: quotations and dated documents, and with `includePassages`
    /// report passages too. The items of a run of documents from the index cache come from its
    /// entry (`ArchivedDocuments`), in date order already, without decoding its documents; the
    /// runs are merged.
    public init(_ corpus: Corpus, includePassages: Bool = false) {
        var runs: [[DatedItem]] = []
        var order = 0
        for (start, run) in corpus.documents.runsWithStarts {
            switch run {
            case .parsed(let documents):
                let items = Chronology.readingOrderItems(documents, firstDocument: start, firstOrder: order)
                order += items.count
                runs.append(Chronology.sortedByDate(items))
            case .archived(let archive):
                if let items = archive.datedItems(documentBase: start, orderBase: order) {
                    runs.append(items)
                    order += items.count
                } else {
                    // A table that does not hold up: the items made from the documents.
                    let items = Chronology.readingOrderItems((0..<archive.count).lazy.map(archive.document),
                                                             firstDocument: start, firstOrder: order)
                    order += items.count
                    runs.append(Chronology.sortedByDate(items))
                }
            }
        }
        var all = Chronology.merge(runs)
        if !includePassages { all.removeAll { $0.kind != .document && $0.kind != .quotation } }
        items = all
    }

    /// Every dated item of `documents` (passages included) in reading order, documents numbered
    /// from `firstDocument`, reading order counted from `firstOrder`. Within a document: by
    /// block and offset, the document's own item first.
    static func readingOrderItems<C: Collection<Document>>(_ documents: C, firstDocument: Int, firstOrder: Int) -> [DatedItem] {
        var items: [DatedItem] = []
        var order = firstOrder
        for (d, doc) in documents.enumerated() {
            var docItems: [DatedItem] = []
            let own = doc.ownDate
            if let date = own {
                docItems.append(DatedItem(kind: .document, documentIndex: firstDocument + d, quotation: nil, block: 0, offset: 0,
                                          date: date, readingOrder: 0))
            }
            for q in doc.quotations {
                docItems.append(DatedItem(kind: .quotation, documentIndex: firstDocument + d, quotation: q.index,
                                          block: q.startBlock, offset: 0, date: q.citation.date, readingOrder: 0))
            }
            for p in [own == nil ? doc.dateline : nil].compactMap({ $0 }) + doc.datedPassages {
                docItems.append(DatedItem(kind: DatedItem.Kind(p.kind), documentIndex: firstDocument + d, quotation: nil,
                                          block: p.block, offset: p.offset, date: p.date, readingOrder: 0))
            }
            // Stable: items at one place keep the order above.
            let sorted = docItems.enumerated().sorted { ($0.element.block, $0.element.offset, $0.offset) < ($1.element.block, $1.element.offset, $1.offset) }
            for (_, var item) in sorted {
                item.readingOrder = order
                order += 1
                items.append(item)
            }
        }
        return items
    }

    /// Items by date, ties in reading order: one 64-bit key per item (the date's order key
    /// above the item's index), sorted as plain integers — a gigabyte's 900,000 items in a
    /// fraction of the time a comparison closure takes. The items are in reading order.
    static func sortedByDate(_ items: [DatedItem]) -> [DatedItem] {
        precondition(items.count < 1 << 31)
        var keys = [UInt64](unsafeUninitializedCapacity: items.count) { keys, count in
            for (k, item) in items.enumerated() { keys[k] = item.date.start.orderKey << 31 | UInt64(k) }
            count = items.count
        }
        keys.sort()
        return keys.map { items[Int($0 & (1 << 31 - 1))] }
    }

    /// Runs in date order (ties in reading order), each run's reading order after the run
    /// before's, merged into one in that order.
    static func merge(_ runs: [[DatedItem]]) -> [DatedItem] {
        var runs = runs.filter { !$0.isEmpty }
        guard runs.count > 1 else { return runs.first ?? [] }
        func before(_ a: DatedItem, _ b: DatedItem) -> Bool {
            let ka = a.date.start.orderKey, kb = b.date.start.orderKey
            return ka != kb ? ka < kb : a.readingOrder < b.readingOrder
        }
        while runs.count > 1 {
            var next: [[DatedItem]] = []
            next.reserveCapacity((runs.count + 1) / 2)
            for pair in stride(from: 0, to: runs.count, by: 2) {
                guard pair + 1 < runs.count else { next.append(runs[pair]); break }
                let a = runs[pair], b = runs[pair + 1]
                var merged: [DatedItem] = []
                merged.reserveCapacity(a.count + b.count)
                var i = 0, j = 0
                while i < a.count && j < b.count {
                    if before(b[j], a[i]) { merged.append(b[j]); j += 1 } else { merged.append(a[i]); i += 1 }
                }
                merged.append(contentsOf: a[i...])
                merged.append(contentsOf: b[j...])
                next.append(merged)
            }
            runs = next
        }
        return runs[0]
    }

    /// The first item dated on or after `date` (its start not before the first day `date` may
    /// mean), in date order.
    public func firstIndex(onOrAfter date: PartialDate) -> Int? {
        items.firstIndex { $0.date.start.year != nil && $0.date.start.lowerBound >= date.lowerBound }
    }

    /// The index of a document's own item in date order.
    public func index(ofDocument d: Int) -> Int? {
        items.firstIndex { $0.documentIndex == d && $0.kind == .document }
    }

    /// The index of a quotation in date order.
    public func index(ofDocument d: Int, quotation q: Int) -> Int? {
        items.firstIndex { $0.documentIndex == d && $0.quotation == q }
    }
}

/// Counts of dated items per month (or per day), for `duben timeline` and the timeline view.
public struct Timeline: Sendable {
    public struct Period: Hashable, Sendable {
        /// "2020-03" (or "2020-03-27" by day); "undated" for items without a year.
        public var key: String
        public var quotations: [DatedItem]
        public var passages: [DatedItem]
        public var count: Int { quotations.count }
    }

    public enum Grouping: String, Sendable, CaseIterable { case month, day }

    public static let undatedKey = "undated"

    public let periods: [Period]

    /// Groups the items of a chronology (already in date order). Items dated only to a year get
    /// a period of that year; items without a year go to the "undated" period at the end.
    public init(_ items: [DatedItem], by grouping: Grouping = .month) {
        periods = Timeline.periods(items, by: grouping).map { counts, items in
            Period(key: counts.key, quotations: items.filter { $0.kind == .quotation }, passages: items.filter { $0.kind != .quotation })
        }
    }

    /// What the timeline shows of a period: its key and counts.
    public struct PeriodCounts: Hashable, Sendable {
        public var key: String
        /// Quotations.
        public var count: Int
        /// Dated documents and report passages.
        public var passages: Int
        /// Dated documents among the passages.
        public var documents: Int
    }

    /// A period's items (quotations and passages together, in date order, ties in reading
    /// order): a run of the chronology's items, indexed from 0, not a copy of them.
    public struct PeriodItems: RandomAccessCollection, Sendable {
        let run: ArraySlice<DatedItem>
        public init(_ run: ArraySlice<DatedItem>) { self.run = run }
        public var startIndex: Int { 0 }
        public var endIndex: Int { run.count }
        public subscript(position: Int) -> DatedItem { run[run.startIndex + position] }
    }

    /// The earliest start and the latest end of the dated quotations in `periods` (those of
    /// the undated period left out); nil when there is none. One pass over the items' packed
    /// dates (a gigabyte's library has 900,000 of them).
    public static func quotationSpan(_ periods: [(period: PeriodCounts, items: PeriodItems)]) -> (first: PartialDate, last: PartialDate)? {
        var first: UInt64 = .max, last: UInt64 = 0
        for (period, items) in periods where period.key != undatedKey && period.count > 0 {
            for item in items.run where item.kind == .quotation {
                first = min(first, item.date.start.orderKey)
                last = max(last, item.date.last.orderKey)
            }
        }
        guard first != .max else { return nil }
        return (PartialDate(packedValue: UInt32(truncatingIfNeeded: first)), PartialDate(packedValue: UInt32(truncatingIfNeeded: last)))
    }

    /// The periods of items in date order (ties in reading order), each with its counts and its
    /// items: one pass, a period's key made once (not a string per item: a gigabyte's library
    /// has 900,000 items), and its items a run of `items` (in date order, a period's items are
    /// together). Items without a year make the "undated" period, last.
    public static func periods(_ items: [DatedItem], by grouping: Grouping = .month) -> [(period: PeriodCounts, items: PeriodItems)] {
        // A period's key as a number: the packed date it is named by; UInt32.max: undated.
        func key(_ d: PartialDate) -> UInt32 {
            guard d.year != nil else { return UInt32.max }
            // "2020-03" (the month; by day "2020-03-27"), or the date itself when it has no month.
            return (grouping == .month && d.month != nil ? PartialDate(year: d.year, month: d.month) : d).packedValue
        }
        func name(_ k: UInt32) -> String { k == UInt32.max ? Timeline.undatedKey : PartialDate(packedValue: k).iso }
        // Runs of items with the same key, counted as they go (a run is a period when the items
        // are in date order, as a chronology's are).
        var runs: [(key: UInt32, range: Range<Int>, quotations: Int, documents: Int)] = []
        var seen = Set<UInt32>()
        var together = true
        var runKey = UInt32.max, runStart = 0, quotations = 0, documents = 0
        for (i, item) in items.enumerated() {
            let k = key(item.date.start)
            if i == 0 || k != runKey {
                if i > 0 { runs.append((runKey, runStart..<i, quotations, documents)) }
                if !seen.insert(k).inserted { together = false }
                runKey = k
                runStart = i
                quotations = 0
                documents = 0
            }
            if item.kind == .quotation { quotations += 1 } else if item.kind == .document { documents += 1 }
        }
        if !items.isEmpty { runs.append((runKey, runStart..<items.count, quotations, documents)) }
        if together {
            return runs.map { run in
                (PeriodCounts(key: name(run.key), count: run.quotations, passages: run.range.count - run.quotations, documents: run.documents),
                 PeriodItems(items[run.range]))
            }
        }
        // Not in date order: each period's items gathered and sorted (undated last).
        var order: [UInt32] = []
        var gathered: [UInt32: [DatedItem]] = [:]
        for run in runs {
            if gathered[run.key] == nil { order.append(run.key) }
            gathered[run.key, default: []] += items[run.range]
        }
        order.sort { ($0 == UInt32.max ? 1 : 0) < ($1 == UInt32.max ? 1 : 0) }
        let groups = order.map { k in
            (k, ArraySlice(gathered[k]!.sorted { a, b in
                a.date.start != b.date.start ? a.date.start < b.date.start : a.readingOrder < b.readingOrder
            }))
        }
        return groups.map { k, run in
            var quotations = 0, documents = 0
            for item in run {
                if item.kind == .quotation { quotations += 1 } else if item.kind == .document { documents += 1 }
            }
            return (PeriodCounts(key: name(k), count: quotations, passages: run.count - quotations, documents: documents), PeriodItems(run))
        }
    }
}
