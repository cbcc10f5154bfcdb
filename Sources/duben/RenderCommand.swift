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
            Each block (heading, paragraph, citation) is followed by one empty line. Lines are \
            never wider than --width; Chinese line-breaking rules apply (Docs/LAYOUT.md). \
            Control characters are shown as visible placeholders.
            """)

    @Option(help: "Only this document (id, number, or part of the title).") var doc: String?
    @OptionGroup var layout: LayoutArguments
    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
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
            DocumentLayout(document: d, options: options).appendRendered(to: &out)
            if out.count > 1 << 20 {
                FileHandle.standardOutput.write(Data(out))
                out.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(Data(out))
    }
}
