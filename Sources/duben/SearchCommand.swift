import ArgumentParser
import DubenLayout
import DubenModel
import Foundation

/// `duben search`: grep that knows the citation (Docs/SEARCH.md).
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find a pattern in the texts, with each match's document, section or date.",
        discussion: """
            PATTERN is a regular expression in ICU's dialect (as in the reader's /), or a literal \
            with -F. Both fold full-width and half-width forms (１７００ finds 1700, ＷＨＯ finds who) \
            and, unless -s, ASCII case; full-width punctuation is literal (（ is not a group). A \
            match never crosses a line.
            One match per line: document · date or section · the match in its context, cut to the \
            terminal's width (COLUMNS, else the terminal, else 100). --count prints the number of \
            matches (as `grep -o PATTERN | wc -l` counts them) without parsing the texts. --from \
            and --to keep matches in dated items only (quotations, dated report passages, dated \
            sections), by overlap as `duben quotes` selects. Exit status: 0 when something \
            matched, 1 when nothing did, 2 on an error (an invalid pattern, an unreadable file). \
            The dialect and the JSON fields: Docs/SEARCH.md.
            """)

    @Argument(help: ArgumentHelp("A regular expression (ICU), or a literal with -F.", valueName: "pattern"))
    var pattern: String

    @Flag(name: [.customShort("F"), .long], help: "PATTERN is a literal string, not a regular expression.")
    var fixedStrings = false

    @Flag(exclusivity: .exclusive, help: "ASCII letters match in either case (the default), or only as written.")
    var caseMode: CaseMode = .ignoreCase

    @Flag(name: [.customShort("c"), .long], help: "Print the number of matches only.")
    var count = false

    @Option(help: "Only this document (id, number, or part of the title).") var doc: String?
    @Option(help: "Only matches in dated items dated on or after this date (overlap).") var from: DateArgument?
    @Option(help: "Only matches in dated items dated on or before this date (overlap).") var to: DateArgument?
    @Option(help: "Only matches in dated items known to fall within this day, month or year (see --overlap).") var on: DateArgument?
    @Flag(help: "With --on, also matches in items whose coarser date may include it (as --from DATE --to DATE).") var overlap = false
    @Flag(help: "Print JSON instead of lines.") var json = false
    @OptionGroup var corpusOptions: CorpusOptions

    enum CaseMode: EnumerableFlag {
        case ignoreCase, caseSensitive

        static func name(for value: CaseMode) -> NameSpecification {
            switch value {
            case .ignoreCase: return [.customShort("i"), .long]
            case .caseSensitive: return [.customShort("s"), .long]
            }
        }

        static func help(for value: CaseMode) -> ArgumentHelp? {
            switch value {
            case .ignoreCase: return "ASCII letters match in either case."
            case .caseSensitive: return "ASCII letters match only in the case written (full-width forms still fold)."
            }
        }
    }

    func run() throws {
        let compiled: SearchPattern
        do {
            compiled = try SearchPattern(pattern, mode: fixedStrings ? .literal : .regex, caseSensitive: caseMode == .caseSensitive)
        } catch {
            throw CommandFailure("invalid pattern \"\(DisplayWidth().shown(pattern))\": \(error.description)")
        }
        let search = LibrarySearch(compiled)
        let dates = overlap && on != nil ? LibrarySearch.DateFilter(from: on?.date, to: on?.date)
            : LibrarySearch.DateFilter(from: from?.date, to: to?.date, on: on?.date)
        do {
            if count && doc == nil && dates.isEmpty {
                // The fast path: bytes only, nothing parsed.
                let counted: LibrarySearch.FileCount
                do {
                    counted = try search.count(paths: corpusOptions.chosenPaths(), loader: corpusOptions.loader())
                } catch let error as LoadError {
                    throw CorpusOptions.failure(error)
                }
                for warning in counted.warnings { Terminal.warn(warning) }
                let n = counted.matches
                try printCount(n)
                if n == 0 { throw ExitCode(1) }
                return
            }
            let sources = try corpusOptions.readSources()
            let catalogue: LibraryCatalogue
            do {
                // Among several sources one without a document is skipped too (one alone: status 2).
                catalogue = try LibraryCatalogue(sources, skipEmpty: sources.count > 1)
            } catch {
                throw CorpusOptions.failure(error)
            }
            for warning in catalogue.skipped { Terminal.warn(warning) }
            var entry: Int? = nil
            if let doc {
                guard let e = catalogue.entry(matching: doc) else {
                    throw CommandFailure("--doc \(doc): no document with that id, number or title (see `duben list`)")
                }
                entry = e
            }
            var found = 0
            var coarser = 0
            if count {
                coarser = try search.forEachHit(in: catalogue, document: entry, dates: dates, contextScalars: 0) { _ in found += 1; return true }
                try printCount(found)
            } else if json {
                var out = JSONStream()
                coarser = try search.forEachHit(in: catalogue, document: entry, dates: dates) { hit in
                    found += 1
                    out.append(SearchHitOutput(hit))
                    return true
                }
                out.finish()
            } else {
                let columns = SearchCommand.columns()
                var lines = LineWriter(columns: columns, highlight: isatty(STDOUT_FILENO) == 1 && (ProcessEnvironment.current["NO_COLOR"] ?? "").isEmpty)
                coarser = try search.forEachHit(in: catalogue, document: entry, dates: dates, contextScalars: max(columns, 10)) { hit in
                    found += 1
                    lines.append(hit)
                    return true
                }
                lines.flush()
            }
            if coarser > 0, let day = on?.date {
                // On standard error: the matches stay one per line, as grep's.
                Terminal.report("\(coarser) more match\(coarser == 1 ? "" : "es") dated more coarsely than \(day): --overlap includes them")
            }
            if found == 0 { throw ExitCode(1) }
        } catch let failure as LibrarySearch.EngineFailure {
            throw CommandFailure(failure.description)
        }
    }

    func printCount(_ n: Int) throws {
        if json {
            try JSONOutput.write(["count": n])
        } else {
            print(n)
        }
    }

    /// The width the lines are cut to: `COLUMNS`, else the terminal's, else 100.
    static func columns() -> Int {
        if let env = ProcessEnvironment.current["COLUMNS"], let n = Int(env), n > 0 { return max(n, 20) }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return max(Int(size.ws_col), 20) }
        return 100
    }
}

/// `duben search --json`: one object per match (Docs/SEARCH.md).
struct SearchHitOutput: Encodable {
    var document: String
    var documentTitle: String
    var number: Int
    var path: String
    var line: Int
    var block: Int
    var offset: Int
    var byte: Int
    @Nullable var section: String?
    @Nullable var dated: String?
    @Nullable var date: String?
    @Nullable var dateEnd: String?
    @Nullable var quotation: Int?
    @Nullable var occasion: String?
    @Nullable var citation: String?
    var match: String
    var before: String
    var after: String
    var context: String

    init(_ hit: SearchHit) {
        document = hit.document.id
        documentTitle = hit.document.title
        number = hit.number
        path = hit.path
        line = hit.line
        block = hit.block
        offset = hit.offset
        byte = hit.bytes.lowerBound
        section = hit.section
        dated = hit.dated?.rawValue
        date = hit.date?.start.iso
        dateEnd = hit.date?.end?.iso
        quotation = hit.quotation?.index
        occasion = hit.quotation?.citation.occasion
        citation = hit.quotation?.citation.text
        match = hit.text
        before = hit.before
        after = hit.after
        context = hit.before + hit.text + hit.after
    }
}

/// Writes a JSON array an element at a time, as `JSONOutput.write` would print the whole
/// array (pretty printed, keys sorted), flushing every megabyte.
struct JSONStream {
    private var out: [UInt8] = Array("[\n".utf8)
    private var count = 0
    private let encoder = JSONOutput.encoder

    mutating func append<T: Encodable>(_ value: T) {
        guard let json = try? encoder.encode(value) else { return }
        if count > 0 { out.append(contentsOf: Array(",\n".utf8)) }
        count += 1
        var lineStart = true
        for b in json {
            if lineStart && b != 0x0A { out.append(contentsOf: [0x20, 0x20]) }
            out.append(b)
            lineStart = b == 0x0A
        }
        if out.count > 1 << 20 { flush() }
    }

    private mutating func flush() {
        FileHandle.standardOutput.write(Data(out))
        out.removeAll(keepingCapacity: true)
    }

    mutating func finish() {
        if count == 0 {
            out = Array("[]\n".utf8)
        } else {
            out.append(contentsOf: Array("\n]\n".utf8))
        }
        flush()
    }
}

/// The listing: `document · date or section · context`, each line cut to the width.
struct LineWriter {
    let columns: Int
    let highlight: Bool
    let measure = DisplayWidth()
    private var out = ""

    init(columns: Int, highlight: Bool) {
        self.columns = columns
        self.highlight = highlight
    }

    /// The last document's shown name: consecutive matches are mostly in one document.
    private var lastName: (entry: Int, name: String)?

    mutating func append(_ hit: SearchHit) {
        let name: String
        if let last = lastName, last.entry == hit.entry {
            name = last.name
        } else {
            let title = hit.document.title.isEmpty ? hit.document.id : hit.document.title
            name = measure.truncate(measure.shown(title), to: min(24, max(4, columns / 4)))
            lastName = (hit.entry, name)
        }
        // A date span ("2013-11-24/2013-11-28") is cut too on a narrow terminal.
        let label = measure.truncate(measure.shown(hit.date?.description ?? hit.section ?? "—"), to: min(22, max(4, columns / 5)))
        let prefix = "\(name) · \(label) · "
        let room = max(1, columns - measure.width(of: prefix))
        let (before, match, after) = LineWriter.excerpt(hit, room: room, measure: measure)
        out += prefix + before + (highlight ? "\u{1B}[1;31m" + match + "\u{1B}[0m" : match) + after + "\n"
        if out.utf8.count > 1 << 20 { flush() }
    }

    mutating func flush() {
        FileHandle.standardOutput.write(Data(out.utf8))
        out = ""
    }

    /// The match with as much of its line around it as fits in `room` cells: a third of what
    /// the match leaves before it, the rest after (more before when the line ends soon), cut
    /// between clusters with "…". Each piece is measured once.
    static func excerpt(_ hit: SearchHit, room: Int, measure: DisplayWidth) -> (String, String, String) {
        var beforeText = Substring(hit.before)
        if !hit.lineGoesOnBefore {
            // The line's indentation says nothing here.
            beforeText = beforeText.drop { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        }
        let match = Measured(hit.text, measure)
        if match.width >= room { return ("", measure.truncate(match.text, to: room), "") }
        // No more of either side than could be shown: a scalar takes at least a cell (the
        // rare zero-width one aside).
        let limit = room - match.width
        let beforeScalars = beforeText.unicodeScalars
        let before = Measured(String(beforeScalars.suffix(limit)), measure)
        let after = Measured(String(hit.after.unicodeScalars.prefix(limit)), measure)
        var goesOnBefore = hit.lineGoesOnBefore || beforeScalars.count > limit
        var goesOnAfter = hit.lineGoesOnAfter || hit.after.unicodeScalars.count > limit
        let rest = limit
        let b = before.width + (goesOnBefore ? 1 : 0)
        let a = after.width + (goesOnAfter ? 1 : 0)
        var beforeRoom = min(b, rest / 3)
        let afterRoom = min(a, rest - beforeRoom)
        beforeRoom = min(b, rest - afterRoom)
        goesOnBefore = goesOnBefore && beforeRoom > 0
        goesOnAfter = goesOnAfter && afterRoom > 0
        return (before.suffix(beforeRoom, goesOn: goesOnBefore), match.text, after.prefix(afterRoom, goesOn: goesOnAfter))
    }
}

/// A string as shown (`DisplayWidth.shown`) with its clusters' cells, measured once.
struct Measured {
    let text: String
    let clusters: [ShownClusters.Cluster]
    let width: Int

    init(_ s: some StringProtocol, _ measure: DisplayWidth) {
        text = measure.shown(s)
        clusters = Array(measure.clusters(of: text))
        width = clusters.reduce(0) { $0 + $1.cells }
    }

    /// The end that fits in `cells`, with "…" first when anything is left out (`goesOn`: the
    /// line goes on before the text).
    func suffix(_ cells: Int, goesOn: Bool) -> String {
        guard cells > 0 else { return "" }
        if !goesOn && width <= cells { return text }
        var used = 1
        var start = text.endIndex
        for c in clusters.reversed() {
            if used + c.cells > cells { break }
            used += c.cells
            start = c.scalars.lowerBound
        }
        return "…" + String(text.unicodeScalars[start...])
    }

    /// The start that fits in `cells`, with "…" last when anything is left out.
    func prefix(_ cells: Int, goesOn: Bool) -> String {
        guard cells > 0 else { return "" }
        if !goesOn && width <= cells { return text }
        var used = 1
        var end = text.startIndex
        for c in clusters {
            if used + c.cells > cells { break }
            used += c.cells
            end = c.scalars.upperBound
        }
        return String(text.unicodeScalars[..<end]) + "…"
    }
}
