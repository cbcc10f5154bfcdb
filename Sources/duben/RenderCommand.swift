import ArgumentParser
import DubenLayout
import DubenModel
import Foundation

/// `duben render`: the wrapped lines exactly as the reader's text area shows them.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print the wrapped lines of each document as the reader shows them.",
        discussion: """
            Each document starts with its title and author lines (as the reader's title and \
            status lines show them) and an empty line; each block (heading, paragraph, \
            citation) is followed by one empty line. Lines are never wider than --width; \
            Chinese line-breaking rules apply (Docs/LAYOUT.md). Control characters are shown \
            as visible placeholders. `duben FILE | cat` prints the same.
            """)

    @Option(help: "Only this document (id, number, or part of the title).") var doc: String?
    @OptionGroup var layout: LayoutArguments
    @OptionGroup var configOption: ConfigOption
    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
        let layout = layout.applying(configOption.load().configuration)
        let corpus = try corpusOptions.load()
        let only = try corpusOptions.resolve(doc, in: corpus)
        RenderCommand.write(corpus, only: only, options: layout.options(terminalColumns: LayoutArguments.stdoutColumns()))
    }

    static func write(_ corpus: Corpus, only: String?, options: LayoutOptions) {
        var out: [UInt8] = []
        var first = true
        for d in corpus.documents where only == nil || d.id == only {
            if !first { out.append(0x0A) }
            first = false
            appendHeader(of: d, options: options, to: &out)
            DocumentLayout(document: d, options: options).appendRendered(to: &out)
            if out.count > 1 << 20 {
                FileHandle.standardOutput.write(Data(out))
                out.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(Data(out))
    }

    /// The title, then the author (when there is one), wrapped to the width, controls shown
    /// as placeholders, and an empty line: what the reader shows above and below the text.
    static func appendHeader(of d: Document, options: LayoutOptions, to out: inout [UInt8]) {
        let measure = options.measure
        for line in [d.title, d.author].compactMap({ $0 }) {
            for wrapped in measure.wrap(measure.shown(line), to: options.width) {
                out += Array(wrapped.utf8)
                out.append(0x0A)
            }
        }
        out.append(0x0A)
    }
}
