import CDubenText

/// Terminal cell widths, as ncursesw advances the cursor: the C library's `wcwidth` in a UTF-8
/// locale, with East Asian Ambiguous characters at a chosen width (1 or 2).
///
/// The first use sets the process locale from the environment, falling back to C.UTF-8 when
/// its codeset is not UTF-8 (`wcwidth` answers -1 for every non-ASCII character otherwise).
public struct DisplayWidth: Sendable, Hashable {
    /// Cells for East Asian Ambiguous characters (“ ” ‘ ’ … — ·): 1 (default) or 2.
    public var ambiguousWidth: Int

    public init(ambiguousWidth: Int = 1) {
        self.ambiguousWidth = ambiguousWidth == 2 ? 2 : 1
    }

    /// How the locale was set up: 1 the environment's was UTF-8, 0 fell back to C.UTF-8,
    /// -1 no UTF-8 locale exists.
    public static let localeStatus: Int32 = duben_setup_locale()

    /// `wcwidth` of every BMP code point, computed once.
    static let bmp: [Int8] = {
        _ = localeStatus
        var table = [Int8](repeating: 0, count: 0x10000)
        for v in 0..<0x10000 {
            table[v] = Int8(clamping: duben_wcwidth(UInt32(v)))
        }
        // Surrogates never occur in scalars; keep them non-printable.
        return table
    }()

    /// `wcwidth` of a scalar: 0 for combining marks and zero-width characters, 1 or 2 for
    /// printable ones, -1 for controls (which the sanitiser replaces before measuring).
    public func width(_ v: UInt32) -> Int {
        // Astral code points go to wcwidth directly; the locale must be set up first.
        let w = v < 0x10000 ? Int(DisplayWidth.bmp[Int(v)]) : DisplayWidth.astral(v)
        if ambiguousWidth == 2 && w == 1 && v >= 0xA1 && AmbiguousWidthTable.contains(v) { return 2 }
        return w
    }

    static func astral(_ v: UInt32) -> Int {
        _ = localeStatus
        return Int(duben_wcwidth(v))
    }

    /// Width of a string as drawn after sanitising (controls count as their one-cell placeholder).
    public func width(of string: some StringProtocol) -> Int {
        var total = 0
        for s in string.unicodeScalars {
            let w = width(s.value)
            total += w < 0 ? 1 : w
        }
        return total
    }

    /// The longest prefix of `string` that fits in `columns` cells, with "…" when cut.
    public func truncate(_ string: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if width(of: string) <= columns { return string }
        var out = ""
        var used = 0
        let ellipsis = width(0x2026)
        for ch in string {
            let w = width(of: String(ch))
            if used + w + ellipsis > columns { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// `string` padded with spaces to `columns` cells (never cut).
    public func pad(_ string: String, to columns: Int) -> String {
        let w = width(of: string)
        return w >= columns ? string : string + String(repeating: " ", count: columns - w)
    }
}
