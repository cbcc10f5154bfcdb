/// Keeps text from ever reaching the terminal as a control.
///
/// A text file must not be able to retitle the terminal (OSC 0/2), move the cursor (CSI), write
/// the clipboard (OSC 52) or reorder what is shown (bidi overrides). Every such scalar becomes a
/// visible one-cell placeholder:
/// - C0 controls U+0000–U+001F (ESC included) → Control Pictures U+2400–U+241F ("␛" for ESC);
///   TAB is expanded to spaces by the wrapper instead; LF never occurs inside a block.
/// - DEL U+007F → "␡" (U+2421).
/// - C1 controls U+0080–U+009F → "¿" (U+00BF).
/// - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), LRM/RLM/ALM
///   (U+200E, U+200F, U+061C) → "⁑" (U+2051).
/// - Line and paragraph separators U+2028/U+2029 and NEL U+0085 → "␤" (U+2424).
/// - Anything else `wcwidth` calls non-printable (unassigned, noncharacters) → U+FFFD.
public enum Sanitizer {
    /// The placeholder for a scalar that must not be sent as is, or nil when it is safe.
    public static func placeholder(for v: UInt32) -> UInt32? {
        switch v {
        case 0x09: return nil  // expanded by the wrapper
        case 0x00...0x1F: return 0x2400 + v
        case 0x7F: return 0x2421
        case 0x85, 0x2028, 0x2029: return 0x2424
        case 0x80...0x9F: return 0xBF
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return 0x2051
        default: return nil
        }
    }

    /// The text with every control replaced by its placeholder and tabs by one space each
    /// (for single-line output such as titles and status lines).
    public static func clean(_ s: String, width: DisplayWidth = DisplayWidth()) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u.value == 0x09 || u.value == 0x0A { out.append(" "); continue }
            if let p = placeholder(for: u.value) { out.append(Unicode.Scalar(p)!); continue }
            if width.width(u.value) < 0 { out.append("\u{FFFD}"); continue }
            out.append(u)
        }
        return String(out)
    }
}
