/// How a cell is drawn. One accent colour, dim for secondary text, reverse video for selection,
/// bold for headings; every style has a monochrome rendering (the terminal backend decides).
public struct Style: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Style(rawValue: 1 << 0)
    public static let dim = Style(rawValue: 1 << 1)
    public static let reverse = Style(rawValue: 1 << 2)
    public static let underline = Style(rawValue: 1 << 3)
    /// The accent colour (monochrome: bold).
    public static let accent = Style(rawValue: 1 << 4)
    /// A search match (colour: accent background; monochrome: reverse + underline).
    public static let match = Style(rawValue: 1 << 5)
    /// A title or status bar (the theme may give it a background; monochrome: its own
    /// attributes only). Not a letter of its own in golden files.
    public static let bar = Style(rawValue: 1 << 6)

    /// One letter per style for golden files: the strongest style of the cell.
    public var code: Character {
        if contains(.match) { return "M" }
        if contains(.reverse) { return "R" }
        if contains(.accent) { return "A" }
        if contains(.bold) { return "B" }
        if contains(.underline) { return "U" }
        if contains(.dim) { return "D" }
        return "."
    }
}
