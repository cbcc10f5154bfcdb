import ArgumentParser
import DubenLayout
import Foundation

/// Options shared by `render` and the reader: column width, ambiguous width, indentation.
struct LayoutArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Text column width in cells (default: the terminal's width less margins, at most \(LayoutOptions.readingMeasure); 80 when not a terminal).", valueName: "N"))
    var width: Int?

    @Option(help: ArgumentHelp("Cells for East Asian Ambiguous characters such as “ ” … — ·: 1 or 2.", valueName: "1|2"))
    var ambiguousWidth: Int = 1

    @Option(help: ArgumentHelp("First-line indentation of indented paragraphs: keep or none.", valueName: "keep|none"))
    var indent: String = "keep"

    func validate() throws {
        if let w = width, w < 8 || w > 1000 { throw ValidationError("--width must be between 8 and 1000 (got \(w))") }
        if ambiguousWidth != 1 && ambiguousWidth != 2 { throw ValidationError("--ambiguous-width must be 1 or 2 (got \(ambiguousWidth))") }
        if LayoutOptions.Indent(rawValue: indent) == nil { throw ValidationError("--indent must be keep or none (got \(indent))") }
    }

    /// `--indent` as the layout takes it (`validate()` has refused anything else).
    var indentMode: LayoutOptions.Indent { LayoutOptions.Indent(rawValue: indent) ?? .keep }

    /// Layout options for a terminal of `columns` cells, or for a pipe when nil.
    func options(terminalColumns columns: Int?) -> LayoutOptions {
        let w = width ?? columns.map(LayoutOptions.defaultWidth(terminalColumns:)) ?? 80
        return LayoutOptions(width: w, ambiguousWidth: ambiguousWidth, indent: indentMode)
    }

    /// The width of the terminal on standard output, or nil when it is not a terminal.
    static func stdoutColumns() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return nil
    }
}
