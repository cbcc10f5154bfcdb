import CNCursesW
import DubenUI

/// What the C shim reports, as `Key`s: control characters typed as characters, and the
/// `DUBEN_KEY_*` codes the shim makes of ncurses' key codes. The only table between the C side
/// and `KeyBindings`.
public enum KeyDecoding {
    /// `DUBEN_KEY_*` → key (the resize key takes the size at the time it is read).
    static let codes: [Int32: Key] = [
        Int32(DUBEN_KEY_UP): .up, Int32(DUBEN_KEY_DOWN): .down, Int32(DUBEN_KEY_LEFT): .left, Int32(DUBEN_KEY_RIGHT): .right,
        Int32(DUBEN_KEY_PAGE_UP): .pageUp, Int32(DUBEN_KEY_PAGE_DOWN): .pageDown, Int32(DUBEN_KEY_HOME): .home,
        Int32(DUBEN_KEY_END): .end, Int32(DUBEN_KEY_BACKSPACE): .backspace, Int32(DUBEN_KEY_DELETE): .delete,
        Int32(DUBEN_KEY_ENTER): .enter, Int32(DUBEN_KEY_BACK_TAB): .backTab,
        Int32(DUBEN_KEY_WHEEL_UP): .wheelUp, Int32(DUBEN_KEY_WHEEL_DOWN): .wheelDown,
    ]

    /// A character as typed: Tab, Enter, Esc and Backspace by name, Ctrl-letters, or the
    /// character itself. Other control characters are ignored.
    public static func key(character v: UInt32) -> Key? {
        switch v {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(v + 96)!))
        case 0..<32: return nil
        default: return Unicode.Scalar(v).map { .char(Character($0)) }
        }
    }

    /// A `DUBEN_KEY_*` code (F1–F24 included); nil for codes without a key (other mouse events).
    public static func key(code: Int32, size: (columns: Int, rows: Int)) -> Key? {
        if code == Int32(DUBEN_KEY_RESIZE) { return .resize(columns: size.columns, rows: size.rows) }
        let f1 = Int32(DUBEN_KEY_F1)
        if code >= f1 && code < f1 + 24 { return .function(Int(code - f1) + 1) }
        return codes[code]
    }
}
