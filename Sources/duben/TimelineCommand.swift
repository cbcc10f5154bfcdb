import ArgumentParser
import DubenLayout
import DubenModel
import DubenUI
import Foundation

/// `duben timeline`: dated quotations counted per month or day, with bars.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Count dated quotations per month (or day), with bars; report passages listed apart.",
        discussion: """
            Counts are of quotations. Dated passages of news reports (datelines, day markers) are \
            listed after the table (in JSON, as "passages" of each period). Items dated only to a \
            year get a period of that year; items without a year are counted under "undated". \
            --from, --to and --match select quotations as in `duben quotes`.
            """)

    @Option(help: "Only items dated on or after this date (overlap).") var from: DateArgument?
    @Option(help: "Only items dated on or before this date (overlap).") var to: DateArgument?
    @Option(help: "Only items dated within this day, month or year (see --overlap).") var on: DateArgument?
    @Flag(help: "With --on, also items whose coarser date may include that day.") var overlap = false
    @Option(help: "Only quotations whose text or citation contains this text.") var match: String?
    @Option(help: "Group by month or day.") var by: Timeline.Grouping = .month
    @Flag(help: "Print JSON: [{\"period\": \"2020-03\", \"count\": 34, \"passages\": 0}, …].") var json = false
    @OptionGroup var corpusOptions: CorpusOptions

    struct PeriodOutput: Encodable {
        var period: String
        var count: Int
        var passages: Int
    }

    func run() throws {
        let corpus = try corpusOptions.load()
        let from = on?.date ?? self.from?.date, to = on?.date ?? self.to?.date
        let query = QuotationQuery(from: from, to: to, match: match)
        var coarser: [String] = []
        let items = Chronology(corpus, includePassages: true).items.filter { item in
            // --on: that day only (coarser dates counted for the closing line).
            if let day = on?.date, !overlap, !item.date.isWithin(day) {
                if item.date.overlaps(from: day, to: day) && (item.kind != .quotation || match == nil) { coarser.append(item.date.description) }
                return false
            }
            if item.kind == .quotation, let q = item.quotation {
                return query.matches(corpus.documents[item.documentIndex].quotations[q], in: corpus.documents[item.documentIndex])
            }
            // Report passages follow the date filters only; --match is about quotations.
            return match == nil && (from == nil && to == nil || item.date.overlaps(from: from, to: to))
        }
        let timeline = Timeline(items, by: by)
        if json {
            try JSONOutput.write(timeline.periods.filter { $0.count > 0 || !$0.passages.isEmpty }
                .map { PeriodOutput(period: $0.key, count: $0.count, passages: $0.passages.count) })
            return
        }
        let measure = DisplayWidth()
        let maxCount = max(1, timeline.periods.map(\.count).max() ?? 1)
        let barWidth = 40
        var table = TextTable(header: ["PERIOD", "COUNT", ""])
        table.rightAligned = [1]
        for p in timeline.periods where p.count > 0 {
            table.rows.append([p.key, "\(p.count)", Bars.bar(p.count, of: maxCount, width: barWidth)])
        }
        print(table.render(width: measure), terminator: "")
        let total = timeline.periods.reduce(0) { $0 + $1.count }
        print("\(total) quotation\(total == 1 ? "" : "s")")
        if !coarser.isEmpty, let day = on?.date { print(DateFormatting.coarser(coarser, than: day)) }
        let passages = timeline.periods.flatMap(\.passages)
        if !passages.isEmpty {
            print("\nDated documents and report passages:")
            var t = TextTable(header: ["DATE", "KIND", "DOCUMENT", "MARKER"])
            t.maxWidths = [2: 30]
            for p in passages {
                t.rows.append([DateFormatting.span(p.date), p.kind.rawValue, corpus.documents[p.documentIndex].title,
                               p.kind == .document ? "—" : p.label(in: corpus)])
            }
            print(t.render(width: measure), terminator: "")
        }
    }
}

extension Timeline.Grouping: ExpressibleByArgument {}
