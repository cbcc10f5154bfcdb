import DubenModel

/// The reader's two chronologies of the library, made when first asked for, not each time the
/// library grows: while a gigabyte is indexed a snapshot arrives ten times a second, and sorting
/// a million dated items each time would take the frames. A reference type, so that a `Reader`
/// (a value) can fill it from a getter; `Reader.take` gives each library a new one.
final class ChronologyCache {
    private let corpus: Corpus
    private var quotations: Chronology?
    private var everything: Chronology?

    init(_ corpus: Corpus) { self.corpus = corpus }

    /// Quotations and dated documents in date order.
    var quotationsByDate: Chronology {
        if let quotations { return quotations }
        let made = Chronology(corpus)
        quotations = made
        return made
    }

    /// Quotations, dated documents and report passages in date order.
    var datedItems: Chronology {
        if let everything { return everything }
        let made = Chronology(corpus, includePassages: true)
        everything = made
        return made
    }
}
