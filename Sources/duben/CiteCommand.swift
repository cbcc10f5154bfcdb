import ArgumentParser
import DubenModel
import DubenStore
import Foundation

/// `duben cite`: a passage with its citation, for scripts and editors — what `y` copies in the
/// reader and what the exports write for the same passage and style.
struct CiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cite",
        abstract: "Print a passage (a block, some of its sentences, or a bookmark) with its citation.",
        discussion: """
            The passage, then one line: its citation in the chosen style — the same citation the \
            exports write. Sentences are numbered from 1 within the block (Docs/FORMAT.md, \
            "Sentences"). Examples:
              duben cite --doc 187a0f61 --block 32 --sentences 3-4
              duben cite --doc 3 --block 32 --style gbt7714
              duben cite --bookmark 638bed17 --template '{author}：《{title}》（{date}）'
            """)

    @Option(help: "Document (id, number, or part of the title).") var doc: String?
    @Option(help: "Block index (see `duben toc` or `duben dump`).") var block: Int?
    @Option(help: ArgumentHelp("Only these sentences of the block, numbered from 1: N or A-B.", valueName: "A-B"))
    var sentences: String?
    @Option(help: "Instead of --doc and --block: a stored bookmark (its id or a unique prefix).") var bookmark: String?
    @OptionGroup var file: BookmarkFileOption
    @OptionGroup var styleOptions: CitationStyleOptions
    @OptionGroup var configOption: ConfigOption
    @OptionGroup var corpusOptions: CorpusOptions

    func validate() throws {
        if bookmark != nil {
            if doc != nil || block != nil || sentences != nil { throw ValidationError("--bookmark goes without --doc, --block and --sentences") }
        } else if doc == nil || block == nil {
            throw ValidationError("give --doc and --block (and optionally --sentences), or --bookmark")
        }
    }

    /// "3" → 3...3, "2-4" (or "2–4", "2..4") → 2...4; nil when malformed.
    static func sentenceRange(_ s: String) -> ClosedRange<Int>? {
        let t = s.trimmingCharacters(in: .whitespaces)
        for separator in ["-", "–", "..", "—"] where t.contains(separator) {
            let parts = t.components(separatedBy: separator)
            guard parts.count == 2, let a = Int(parts[0].trimmingCharacters(in: .whitespaces)),
                  let b = Int(parts[1].trimmingCharacters(in: .whitespaces)), a >= 1, a <= b else { return nil }
            return a...b
        }
        guard let n = Int(t), n >= 1 else { return nil }
        return n...n
    }

    func run() throws {
        if let s = sentences, Self.sentenceRange(s) == nil {
            // One line, the status of an invalid option.
            Terminal.report("--sentences \(s): give N or A-B, numbers from 1 with A ≤ B")
            throw ExitCode(64)
        }
        let style = styleOptions.citationStyle(or: configOption.load().configuration)
        let b = try passage()
        print(style.passageWithCitation(b))
    }

    /// The bookmark (stored, or made for the passage asked for), its metadata filled from the texts.
    func passage() throws -> Bookmark {
        if let key = bookmark {
            let all = try withStore { try file.store.read() }
            let matches = all.filter { $0.id.lowercased().hasPrefix(key.lowercased()) }
            guard matches.count == 1 else {
                throw CommandFailure("--bookmark \(key): \(matches.isEmpty ? "no bookmark has this id" : "\(matches.count) bookmarks begin with it") (see `duben bookmarks list`)")
            }
            return try refreshedFromTexts(matches, corpusOptions)[0]
        }
        let corpus = try corpusOptions.load()
        guard let id = try corpusOptions.resolve(doc, in: corpus), let d = corpus.documents.first(where: { $0.id == id }),
              let block else { throw CommandFailure("give --doc and --block") }
        guard block >= 0, block < d.blocks.count else {
            throw CommandFailure("--block \(block): \(d.id) has blocks 0–\(d.blocks.count - 1)")
        }
        var range = 0..<d.text(of: block).unicodeScalars.count
        if let s = sentences, let wanted = Self.sentenceRange(s) {
            let all = d.sentences(of: block)
            guard wanted.upperBound <= all.count else {
                throw CommandFailure("--sentences \(s): block \(block) of \(d.id) has \(all.isEmpty ? "no sentences" : all.count == 1 ? "1 sentence" : "sentences 1–\(all.count)")")
            }
            range = all[wanted.lowerBound - 1].lowerBound..<all[wanted.upperBound - 1].upperBound
        }
        guard !range.isEmpty, let b = Bookmark.make(in: d, block: block, offset: range.lowerBound, length: range.count, id: "", now: "") else {
            throw CommandFailure("--block \(block): block \(block) of \(d.id) is empty")
        }
        return b
    }
}
