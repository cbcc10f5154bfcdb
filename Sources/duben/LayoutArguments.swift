import ArgumentParser
import DubenLayout
import DubenUI
import Foundation

/// Options shared by `render` and the reader: column width, ambiguous width, indentation.
struct LayoutArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Text column width in cells (default: the terminal's width less margins, at most \(LayoutOptions.readingMeasure); 80 when not a terminal).", valueName: "N"))
    var width: Int?

    @Option(help: ArgumentHelp("Cells for East Asian Ambiguous characters such as “ ” … — ·: 1 or 2 (default: 1).", valueName: "1|2"))
    var ambiguousWidth: Int?

    @Option(help: ArgumentHelp("First-line indentation of indented paragraphs: keep or none (default: keep).", valueName: "keep|none"))
    var indent: String?

    func validate() throws {
        if let w = width, w < 8 || w > 1000 { throw ValidationError("--width must be between 8 and 1000 (got \(w))") }
        if let a = ambiguousWidth, a != 1 && a != 2 { throw ValidationError("--ambiguous-width must be 1 or 2 (got \(a))") }
        if let i = indent, LayoutOptions.Indent(rawValue: i) == nil { throw ValidationError("--indent must be keep or none (got \(i))") }
    }

    /// The same options as plain values (`LayoutChoice`, which does the work).
    var choice: LayoutChoice { LayoutChoice(width: width, ambiguousWidth: ambiguousWidth, indent: indent) }

    /// The options given, with what the configuration file sets for the others.
    func applying(_ config: ReaderConfiguration) -> LayoutArguments {
        let applied = choice.applying(config)
        var out = self
        out.width = applied.width
        out.ambiguousWidth = applied.ambiguousWidth
        out.indent = applied.indent
        return out
    }

    /// `--ambiguous-width`, 1 when not given.
    var ambiguousCells: Int { choice.ambiguousCells }

    /// `--indent` as the layout takes it (`validate()` has refused anything else).
    var indentMode: LayoutOptions.Indent { choice.indentMode }

    /// Layout options for a terminal of `columns` cells, or for a pipe when nil.
    func options(terminalColumns columns: Int?) -> LayoutOptions { choice.options(terminalColumns: columns) }

    /// The width of the terminal on standard output, or nil when it is not a terminal.
    static func stdoutColumns() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return nil
    }
}
