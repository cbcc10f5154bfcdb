/// Keeps text from ever reaching the terminal as a control: the one table of what a control or
/// a tab becomes, used by the wrapper (for `duben render` and the reader's text) and by the
/// screen buffer (for everything else a view draws).
///
/// A text file must not be able to retitle the terminal (OSC 0/2), move the cursor (CSI), write
/// the clipboard (OSC 52) or reorder what is shown (bidi overrides). Every such scalar becomes a
/// visible placeholder, measured as any character is (one cell; "¿" and U+FFFD, East Asian
/// Ambiguous, take two at ambiguous width 2):
/// - C0 controls U+0000–U+001F (ESC, LF and CR included) → Control Pictures U+2400–U+241F
///   ("␛" for ESC); TAB is not a placeholder but advances to the next tab stop (`tabWidth`).
/// - DEL U+007F → "␡" (U+2421).
/// - C1 controls U+0080–U+009F → "¿" (U+00BF).
/// - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), LRM/RLM/ALM
///   (U+200E, U+200F, U+061C) → "⁑" (U+2051).
/// - Line and paragraph separators U+2028/U+2029 and NEL U+0085 → "␤" (U+2424).
/// - Anything else `wcwidth` calls non-printable (unassigned, noncharacters) → U+FFFD.
public enum Sanitizer {
    /// How one scalar is shown.
    public enum Shown: Hashable, Sendable {
        /// As it is, taking its `wcwidth` (0, 1 or 2 cells).
        case asIs
        /// As spaces up to the next tab stop (`tabWidth(atColumn:)`).
        case tab
        /// As this placeholder.
        case placeholder(Unicode.Scalar)
    }

    /// What scalar `v`, whose `wcwidth` is `width`, becomes on screen. The one rule: the wrapper
    /// and the screen buffer both ask here.
    @inline(__always)
    public static func shown(_ v: UInt32, width: Int) -> Shown {
        if v == 0x09 { return .tab }
        if let p = placeholder(for: v) { return .placeholder(p) }
        if width < 0 { return .placeholder("\u{FFFD}") }
        return .asIs
    }

    /// Cells a tab takes when it starts `column` cells after the start of its text (a line's
    /// first cell, indentation included, or where a string is put): up to the next multiple of
    /// `LayoutOptions.tabStop`, 1 to 4 cells. `column` is never negative.
    @inline(__always)
    public static func tabWidth(atColumn column: Int) -> Int {
        LayoutOptions.tabStop - column % LayoutOptions.tabStop
    }

    /// The table: the placeholder for a control, or nil (printable scalars and TAB).
    @inline(__always)
    static func placeholder(for v: UInt32) -> Unicode.Scalar? {
        switch v {
        case 0x09: return nil
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + v)
        case 0x7F: return "\u{2421}"
        case 0x85, 0x2028, 0x2029: return "\u{2424}"
        case 0x80...0x9F: return "\u{BF}"
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return "\u{2051}"
        default: return nil
        }
    }
}
