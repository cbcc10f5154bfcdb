import DubenLayout
import DubenUI

/// `--width`, `--ambiguous-width` and `--indent` as plain values: `LayoutArguments` parses
/// them; the reader's plain command line makes them without swift-argument-parser
/// (`ReaderLaunch.plain`).
struct LayoutChoice: Equatable, Sendable {
    var width: Int?
    var ambiguousWidth: Int?
    var indent: String?

    /// The options given, with what the configuration file sets for the others.
    func applying(_ config: ReaderConfiguration) -> LayoutChoice {
        LayoutChoice(width: width ?? config.width, ambiguousWidth: ambiguousWidth ?? config.ambiguousWidth,
                     indent: indent ?? config.indent.rawValue)
    }

    /// `--ambiguous-width`, 1 when not given.
    var ambiguousCells: Int { ambiguousWidth ?? 1 }

    /// `--indent` as the layout takes it (`LayoutArguments.validate()` has refused anything else).
    var indentMode: LayoutOptions.Indent { indent.flatMap(LayoutOptions.Indent.init(rawValue:)) ?? .keep }

    /// Layout options for a terminal of `columns` cells, or for a pipe when nil.
    func options(terminalColumns columns: Int?) -> LayoutOptions {
        let w = width ?? columns.map(LayoutOptions.defaultWidth(terminalColumns:)) ?? 80
        return LayoutOptions(width: w, ambiguousWidth: ambiguousCells, indent: indentMode)
    }
}
