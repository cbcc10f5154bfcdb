/// Something dated in a corpus: a quotation, a dated document (a speech or report dated by its
/// metadata, the date line under its title or its dateline), a news report's day marker, or a
/// section dated by the date line under its heading.
///
/// Compact (36 bytes: 32-bit indices, no strings), because a library of a gigabyte has nearly
/// a million of them; what it says is read from the corpus when shown (`label(in:)`).
public struct DatedItem: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case quotation, document, dateline, dayMarker, sectionDate }
    public var kind: Kind
    private var storedDocument: Int32
    /// -1: not a quotation.
    private var storedQuotation: Int32
    private var storedBlock: Int32
    private var storedOffset: Int32
    private var storedOrder: Int32
    public var date: DateSpan

    public init(kind: Kind, documentIndex: Int, quotation: Int?, block: Int, offset: Int, date: DateSpan, readingOrder: Int) {
        self.kind = kind
        storedDocument = Int32(clamping: documentIndex)
        storedQuotation = Int32(clamping: quotation ?? -1)
        storedBlock = Int32(clamping: block)
        storedOffset = Int32(clamping: offset)
        storedOrder = Int32(clamping: readingOrder)
        self.date = date
    }

    public var documentIndex: Int { Int(storedDocument) }
    /// The quotation's index in its document (quotations only).
    public var quotation: Int? { storedQuotation < 0 ? nil : Int(storedQuotation) }
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

extension DatedItem.Kind {
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

    public init(_ corpus: Corpus, includePassages: Bool = false) {
        var items: [DatedItem] = []
        var order = 0
        for (d, doc) in corpus.documents.enumerated() {
            var docItems: [DatedItem] = []
            let own = doc.ownDate
            if let date = own {
                docItems.append(DatedItem(kind: .document, documentIndex: d, quotation: nil, block: 0, offset: 0,
                                          date: date, readingOrder: 0))
            }
            for q in doc.quotations {
                docItems.append(DatedItem(kind: .quotation, documentIndex: d, quotation: q.index,
                                          block: q.startBlock, offset: 0,
                                          date: q.citation.date, readingOrder: 0))
            }
            if includePassages {
                for p in [own == nil ? doc.dateline : nil].compactMap({ $0 }) + doc.datedPassages {
                    docItems.append(DatedItem(kind: DatedItem.Kind(p.kind), documentIndex: d, quotation: nil,
                                              block: p.block, offset: p.offset, date: p.date, readingOrder: 0))
                }
            }
            docItems.sort { ($0.block, $0.offset) < ($1.block, $1.offset) }
            for var item in docItems {
                item.readingOrder = order
                order += 1
                items.append(item)
            }
        }
        // By date, then reading order: one 64-bit key per item (the date's order key above
        // the reading order, which is the item's index here), sorted as plain integers — a
        // gigabyte's 900,000 items in a fraction of the time a comparison closure takes.
        precondition(items.count < 1 << 31)
        var keys = [UInt64](unsafeUninitializedCapacity: items.count) { keys, count in
            for (k, item) in items.enumerated() { keys[k] = item.date.start.orderKey << 31 | UInt64(k) }
            count = items.count
        }
        keys.sort()
        self.items = keys.map { items[Int($0 & (1 << 31 - 1))] }
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
        var periods: [Period] = []
        var undated = Period(key: Timeline.undatedKey, quotations: [], passages: [])
        for item in items {
            let d = item.date.start
            guard d.year != nil else {
                if item.kind == .quotation { undated.quotations.append(item) } else { undated.passages.append(item) }
                continue
            }
            let key = grouping == .day && d.day != nil ? d.iso : (d.monthKey ?? d.iso)
            if periods.last?.key != key {
                if let i = periods.firstIndex(where: { $0.key == key }) {
                    if item.kind == .quotation { periods[i].quotations.append(item) } else { periods[i].passages.append(item) }
                    continue
                }
                periods.append(Period(key: key, quotations: [], passages: []))
            }
            if item.kind == .quotation { periods[periods.count - 1].quotations.append(item) }
            else { periods[periods.count - 1].passages.append(item) }
        }
        if !undated.quotations.isEmpty || !undated.passages.isEmpty { periods.append(undated) }
        self.periods = periods
    }
}
