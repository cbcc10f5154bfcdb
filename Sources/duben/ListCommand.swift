import ArgumentParser
import DubenLayout
import DubenModel

/// `duben list`: the documents of the corpus.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the documents: id, kind, title, author, date, block and quotation counts.")

    @Flag(help: "Print JSON instead of a table.") var json = false
    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
        let corpus = try corpusOptions.load()
        if json {
            try JSONOutput.write(corpus.documents.enumerated().map { DocumentSummary($1, number: $0 + 1) })
            return
        }
        var table = TextTable(header: ["#", "ID", "KIND", "TITLE", "AUTHOR", "DATE", "BLOCKS", "QUOTES"])
        table.rightAligned = [0, 6, 7]
        table.wrapColumn = 3
        for (i, doc) in corpus.documents.enumerated() {
            table.rows.append([
                "\(i + 1)", doc.id, doc.kind.rawValue, doc.title, doc.author ?? "—",
                doc.date.map(DateFormatting.span) ?? "—", "\(doc.blocks.count)", "\(doc.quotations.count)",
            ])
        }
        print(table.render(), terminator: "")
    }
}

/// Human-readable dates.
enum DateFormatting {
    /// "2020-03-27", "2020-04-20 — 2020-04-23".
    static func span(_ span: DateSpan) -> String {
        span.end.map { "\(span.start.iso) — \($0.iso)" } ?? span.start.iso
    }
}

extension DateFormatting {
    /// The closing line of an `--on` listing: "5 more dated only 2020-03: --overlap includes
    /// them" (with each coarser date and its count when there are several).
    static func coarser(_ dates: [String], than day: PartialDate) -> String {
        var counts: [(String, Int)] = []
        for d in dates {
            if let i = counts.firstIndex(where: { $0.0 == d }) { counts[i].1 += 1 } else { counts.append((d, 1)) }
        }
        let which = counts.count == 1 ? counts[0].0 : counts.map { "\($0.0) (\($0.1))" }.joined(separator: ", ")
        return "\(dates.count) more dated only \(which): --overlap includes them"
    }
}

/// A DATE argument: 2020-03-27, 2020-03, 2020, 2020/3/27, 20200327, 2020年3月27日.
struct DateArgument: ExpressibleByArgument {
    var date: PartialDate
    init?(argument: String) {
        guard let d = PartialDate(query: argument) else { return nil }
        date = d
    }
    static var defaultValueDescription: String { "date" }
}
