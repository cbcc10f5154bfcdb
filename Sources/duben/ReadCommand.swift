import ArgumentParser
import DubenLayout
import DubenModel
import Foundation

/// `duben [paths…]`: the reader. When standard output is not a terminal it prints what
/// `render` prints, like `less` acting as `cat`.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the reader (the default command).")

    @OptionGroup var layout: LayoutArguments
    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
        let corpus = try corpusOptions.load()
        RenderCommand.write(corpus, only: nil, options: layout.options(terminalColumns: LayoutArguments.stdoutColumns()))
    }
}
