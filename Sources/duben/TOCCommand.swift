import ArgumentParser
import DubenLayout
import DubenModel

/// `duben toc`: the heading tree of each document.
struct TOCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toc",
        abstract: "Print the table of contents (headings and, in speeches, run-in points) of each document.")

    @Option(help: "Only this document (id, number, or part of the title).") var doc: String?
    @Flag(help: "Print JSON instead of an indented list.") var json = false
    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
        let corpus = try corpusOptions.load()
        let only = try corpusOptions.resolve(doc, in: corpus)
        let docs = corpus.documents.filter { only == nil || $0.id == only }
        if json {
            try JSONOutput.write(docs.map(TOCOutput.init))
            return
        }
        // Titles and headings come from files: shown as the screen shows them, never as controls.
        let measure = DisplayWidth()
        // On a terminal, long headings wrap under themselves; to a file they stay one line.
        let width = TerminalWidth.columns()
        func line(_ indent: String, _ text: String) {
            guard let width else { print(indent + text); return }
            let room = max(TextTable.minimumWrapWidth, width - measure.width(of: indent))
            for (k, piece) in measure.wrap(text, to: room).enumerated() {
                print((k == 0 ? indent : indent + "  ") + piece)
            }
        }
        for (n, d) in docs.enumerated() {
            if n > 0 { print("") }
            print("\(d.id)  \(measure.shown(d.title))")
            if d.toc.isEmpty { print("  (no headings)") }
            for e in d.toc {
                let indent = String(repeating: "  ", count: e.level)
                line(indent, "\(measure.shown(e.label))  [block \(e.block)]")
            }
        }
    }
}
