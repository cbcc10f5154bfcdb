import DubenModel

/// The timeline under the last filter asked for: its periods and its heading figures.
///
/// Grouping and sorting every dated item of a large corpus (and, with a filter, matching every
/// quotation's text) takes far longer than a frame, and the timeline asks on every key and
/// every draw. The corpus changes under a reader only while it is indexed (`invalidate`), so this
/// depends on the filter: one entry is enough. A reference type, so that copies of a `Reader` share it.
final class TimelineCache {
    /// The timeline of one filter.
    struct Entry {
        var periods: [(period: Timeline.PeriodCounts, items: Timeline.PeriodItems)]
        /// Quotations in all periods.
        var quotations: Int
        /// The earliest start and the latest end of the dated quotations.
        var span: (first: PartialDate, last: PartialDate)?
    }

    private var filter: String?
    private var entry = Entry(periods: [], quotations: 0, span: nil)

    /// Forgets the entry (the corpus grew while the library was indexed).
    func invalidate() {
        filter = nil
    }

    /// The entry for `filter`: the cached one, or the one made from `periods()` (then kept).
    func entry(filter: String, periods: () -> [(period: Timeline.PeriodCounts, items: Timeline.PeriodItems)]) -> Entry {
        if self.filter == filter { return entry }
        let made = periods()
        entry = Entry(periods: made, quotations: made.reduce(0) { $0 + $1.period.count }, span: Timeline.quotationSpan(made))
        self.filter = filter
        return entry
    }
}
