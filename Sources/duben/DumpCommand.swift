import ArgumentParser
import DubenModel

/// `duben dump`: the whole parsed model as JSON (schema in Docs/DUMP.md).
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print the whole parsed model as JSON (schema: Docs/DUMP.md).")

    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
        try DumpOutput.stream(try corpusOptions.load())
    }
}
