/// A quotation together with the document it belongs to.
public struct QuotationReference: Sendable {
    public var documentIndex: Int
    public var quotation: Quotation

    public init(documentIndex: Int, quotation: Quotation) {
        self.documentIndex = documentIndex
        self.quotation = quotation
    }
}

/// Selects dated quotations: by date overlap, by text, by document.
///
/// Date filters use overlap semantics: a quotation matches when some day it may mean falls
/// inside [from, to]. Partial dates stand for all their days, on both sides: `--from 2020-03`
/// starts on 1 March, `--to 2020-03` ends on 31 March, and a quotation dated "2020-03" matches
/// `--from 2020-03-15`.
public struct QuotationQuery: Sendable {
    public var from: PartialDate?
    public var to: PartialDate?
    /// Literal text that the quotation's text or its citation must contain, compared as
    /// `TextMatcher` compares (ASCII case and full-width forms folded); empty matches all.
    public var match: String? { didSet { matchMatcher = match.flatMap(TextMatcher.init) } }
    /// Document id (already resolved).
    public var document: String?
    /// Literal text the occasion must contain, compared as `match` is; empty matches all.
    public var occasion: String? { didSet { occasionMatcher = occasion.flatMap(TextMatcher.init) } }

    private var matchMatcher: TextMatcher?
    private var occasionMatcher: TextMatcher?

    public init(from: PartialDate? = nil, to: PartialDate? = nil, match: String? = nil, document: String? = nil, occasion: String? = nil) {
        self.from = from
        self.to = to
        self.match = match
        self.document = document
        self.occasion = occasion
        matchMatcher = match.flatMap(TextMatcher.init)
        occasionMatcher = occasion.flatMap(TextMatcher.init)
    }

    public func matches(_ q: Quotation, in doc: Document) -> Bool {
        if let d = document, d != doc.id { return false }
        if (from != nil || to != nil) && !q.citation.date.overlaps(from: from, to: to) { return false }
        if let o = occasionMatcher, !o.occurs(in: q.citation.occasion) { return false }
        if let m = matchMatcher, !m.occurs(in: q.citation.text) && !m.occurs(in: doc.quotationText(q)) { return false }
        return true
    }
}

extension Document {
    /// A quotation's paragraphs joined by "\n".
    public func quotationText(_ q: Quotation) -> String {
        q.blocks.map { text(of: $0) }.joined(separator: "\n")
    }
}

extension Corpus {
    /// Dated quotations matching a query, in reading order.
    public func quotations(matching query: QuotationQuery = QuotationQuery()) -> [QuotationReference] {
        var result: [QuotationReference] = []
        for (i, doc) in documents.enumerated() where query.document == nil || query.document == doc.id {
            for q in doc.quotations where query.matches(q, in: doc) {
                result.append(QuotationReference(documentIndex: i, quotation: q))
            }
        }
        return result
    }

    /// The same, in date order (`Chronology`'s order).
    public func quotationsByDate(matching query: QuotationQuery = QuotationQuery()) -> [QuotationReference] {
        quotations(matching: query).enumerated().sorted { a, b in
            let da = a.element.quotation.citation.date.start, db = b.element.quotation.citation.date.start
            return da != db ? da < db : a.offset < b.offset
        }.map(\.element)
    }
}
