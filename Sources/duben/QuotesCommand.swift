import ArgumentParser
import DubenLayout
import DubenModel

/// `duben quotes`: dated quotations in reading order.
struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List dated quotations in reading order.",
        discussion: """
            DATE is 2020-03-27, 2020-03, 2020, 2020/3/27, 20200327 or 2020年3月27日.
            --from and --to select by overlap: a quotation matches when any day it may mean lies \
            in the range. Partial dates stand for all their days on both sides, so `--from 2020-03` \
            starts on 1 March, `--to 2020-03` ends on 31 March, and a quotation dated only \
            "2020-03" matches `--from 2020-03-15`. A range "2013-11-24/28" matches when it overlaps. \
            --on DATE means that day (or month, or year): only quotations known to fall within it; \
            those whose date is coarser (dated only "2020-03" for --on 2020-03-27) are left out \
            and counted in a closing line, and --overlap includes them (--on DATE --overlap is \
            --from DATE --to DATE). On a terminal the table fits its width (COLUMNS, else the \
            terminal's), wrapping the text; to a file or a pipe nothing is cut. --sort date orders by date (a month-precision date \
            before the days of that month; ties in reading order). --match and --occasion are literal; \
            full-width forms match ASCII and ASCII letters match in either case (２０２０ finds 2020).
            """)

    @Option(help: "Only quotations dated on or after this date (overlap).") var from: DateArgument?
    @Option(help: "Only quotations dated on or before this date (overlap).") var to: DateArgument?
    @Option(help: "Only quotations dated within this day, month or year (see --overlap).") var on: DateArgument?
    @Flag(help: "With --on, also quotations whose coarser date may include that day.") var overlap = false
    @Option(help: "Only quotations whose text or citation contains this text.") var match: String?
    @Option(help: "Only quotations whose occasion contains this text.") var occasion: String?
    @Option(help: "Order: reading (the order of the texts) or date (earliest first; ties in reading order).") var sort: SortOrder = .reading
    @Option(help: "Only this document (id, number, or part of the title).") var doc: String?
    @Flag(help: "Print JSON instead of a table.") var json = false
    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
        let corpus = try corpusOptions.load()
        let query = QuotationQuery(from: on?.date ?? from?.date, to: on?.date ?? to?.date, match: match,
                                   document: try corpusOptions.resolve(doc, in: corpus), occasion: occasion)
        var found = sort == .date ? corpus.quotationsByDate(matching: query) : corpus.quotations(matching: query)
        // --on: that day only; coarser dates are counted for the closing line.
        var coarser: [String] = []
        if let day = on?.date, !overlap {
            coarser = found.filter { !$0.quotation.citation.date.isWithin(day) }.map { $0.quotation.citation.date.description }
            found = found.filter { $0.quotation.citation.date.isWithin(day) }
        }
        if json {
            try JSONOutput.write(found.map { QuotationOutput(corpus.documents[$0.documentIndex], $0.quotation) })
            return
        }
        var table = TextTable(header: ["DATE", "OCCASION", "TEXT"])
        table.maxWidths = [1: 36]
        for ref in found {
            let doc = corpus.documents[ref.documentIndex]
            let q = ref.quotation
            let date = q.citation.date.description
            // The first paragraph (not the whole quotation split up: it can be long).
            let first = q.blocks.isEmpty ? "" : doc.text(of: q.blocks.lowerBound)
            table.rows.append([date, q.citation.occasion.isEmpty ? "—" : q.citation.occasion, first])
        }
        print(table.render(), terminator: "")
        print("\(found.count) quotation\(found.count == 1 ? "" : "s")")
        if !coarser.isEmpty, let day = on?.date { print(DateFormatting.coarser(coarser, than: day)) }
    }
}

/// `--sort`.
enum SortOrder: String, ExpressibleByArgument, CaseIterable {
    case reading, date
}
