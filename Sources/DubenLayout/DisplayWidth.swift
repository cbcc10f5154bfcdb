import CDubenText

/// Terminal cell widths, as ncursesw advances the cursor: the C library's `wcwidth` in a UTF-8
/// locale, with East Asian Ambiguous characters at a chosen width (1 or 2).
///
/// The first use sets the process locale from the environment, falling back to C.UTF-8 when
/// its codeset is not UTF-8 (`wcwidth` answers -1 for every non-ASCII character otherwise).
public struct DisplayWidth: Sendable, Hashable {
    /// Cells for East Asian Ambiguous characters (“ ” ‘ ’ … — ·): 1 (default) or 2.
    public var ambiguousWidth: Int

    /// Measures with ambiguous characters at `ambiguousWidth` cells (anything but 2 means 1).
    public init(ambiguousWidth: Int = 1) {
        self.ambiguousWidth = ambiguousWidth == 2 ? 2 : 1
    }

    /// How the locale was set up: 1 the environment's was UTF-8, 0 fell back to C.UTF-8,
    /// -1 no UTF-8 locale exists.
    public static let localeStatus: Int32 = duben_setup_locale()

    /// `wcwidth` of a scalar: 0 for combining marks and zero-width characters, 1 or 2 for
    /// printable ones, -1 for controls (which `Sanitizer` replaces).
    public func width(_ v: UInt32) -> Int {
        // BMP widths are remembered as they are first asked for (duben_bmp_width); astral
        // code points go to wcwidth each time. Both set the locale up first.
        let w = v < 0x10000 ? Int(duben_bmp_width(UInt16(v))) : Int(duben_wcwidth(v))
        if ambiguousWidth == 2 && w == 1 && v >= 0xA1 && AmbiguousWidthTable.contains(v) { return 2 }
        return w
    }

    /// The clusters of `string` as the screen shows them: placeholders for controls, tabs to
    /// the next tab stop counted from the start of the string (`Sanitizer`, `ClusterRule`).
    public func clusters(of string: some StringProtocol) -> ShownClusters {
        ShownClusters(DisplayWidth.string(string), measure: self)
    }

    /// `string` as the screen shows it, for output that does not go through a screen buffer
    /// (the commands' tables): controls as their placeholders, tabs as spaces to the next tab
    /// stop from the start of the string. Same cells as `ScreenBuffer.put` draws.
    public func shown(_ string: some StringProtocol) -> String {
        let text = DisplayWidth.string(string)
        var out = ""
        for c in clusters(of: text) {
            switch c.shown {
            case .asIs: out += text[c.scalars]
            case .placeholder(let p): out.unicodeScalars.append(p)
            case .tab: out += String(repeating: " ", count: c.cells)
            }
        }
        return out
    }

    /// Cells `string` takes when put on a screen: what `ScreenBuffer.put` advances by (controls
    /// as their placeholders, tabs to the next tab stop from the start of the string).
    public func width(of string: some StringProtocol) -> Int {
        var total = 0
        for c in clusters(of: string) { total += c.cells }
        return total
    }

    /// The longest prefix of `string` that fits in `columns` cells, with "…" when cut (and
    /// "…" itself fits). Cut between clusters; measured as `width(of:)` measures.
    public func truncate(_ string: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if width(of: string) <= columns { return string }
        let ellipsis = width(0x2026)
        let room = ellipsis <= columns ? columns - ellipsis : columns
        var end = string.startIndex
        var used = 0
        for c in clusters(of: string) {
            if used + c.cells > room { break }
            used += c.cells
            end = c.scalars.upperBound
        }
        return String(string.unicodeScalars[..<end]) + (ellipsis <= columns ? "…" : "")
    }

    /// `string` as a `String` (no copy when it is one).
    static func string(_ s: some StringProtocol) -> String {
        if let s = s as? String { return s }
        if let s = s as? Substring { return String(s) }
        return String(decoding: s.utf8, as: UTF8.self)
    }

    /// `string` padded with spaces to `columns` cells (never cut).
    public func pad(_ string: String, to columns: Int) -> String {
        let w = width(of: string)
        return w >= columns ? string : string + String(repeating: " ", count: columns - w)
    }
}
