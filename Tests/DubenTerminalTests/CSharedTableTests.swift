import CNCursesW
import DubenTerminal
import DubenUI
import Testing

/// The tables the Swift side shares with the C shim: key codes and style bits.
@Suite("Tables shared with C")
struct CSharedTableTests {
    @Test func styleBitsAreTheSameOnBothSides() {
        #expect(Int32(DUBEN_STYLE_BOLD) == Int32(Style.bold.rawValue))
        #expect(Int32(DUBEN_STYLE_DIM) == Int32(Style.dim.rawValue))
        #expect(Int32(DUBEN_STYLE_REVERSE) == Int32(Style.reverse.rawValue))
        #expect(Int32(DUBEN_STYLE_UNDERLINE) == Int32(Style.underline.rawValue))
        #expect(Int32(DUBEN_STYLE_ACCENT) == Int32(Style.accent.rawValue))
        #expect(Int32(DUBEN_STYLE_MATCH) == Int32(Style.match.rawValue))
        #expect(Int32(DUBEN_STYLE_BAR) == Int32(Style.bar.rawValue))
    }

    @Test func everyKeyCodeDecodesToItsOwnKey() {
        let size = (columns: 80, rows: 24)
        let expected: [(Int32, Key?)] = [
            (Int32(DUBEN_KEY_UP), .up), (Int32(DUBEN_KEY_DOWN), .down), (Int32(DUBEN_KEY_LEFT), .left),
            (Int32(DUBEN_KEY_RIGHT), .right), (Int32(DUBEN_KEY_PAGE_UP), .pageUp), (Int32(DUBEN_KEY_PAGE_DOWN), .pageDown),
            (Int32(DUBEN_KEY_HOME), .home), (Int32(DUBEN_KEY_END), .end), (Int32(DUBEN_KEY_BACKSPACE), .backspace),
            (Int32(DUBEN_KEY_DELETE), .delete), (Int32(DUBEN_KEY_ENTER), .enter), (Int32(DUBEN_KEY_BACK_TAB), .backTab),
            (Int32(DUBEN_KEY_RESIZE), .resize(columns: 80, rows: 24)), (Int32(DUBEN_KEY_WHEEL_UP), .wheelUp),
            (Int32(DUBEN_KEY_WHEEL_DOWN), .wheelDown), (Int32(DUBEN_KEY_MOUSE_OTHER), nil),
            (Int32(DUBEN_KEY_F1), .function(1)), (Int32(DUBEN_KEY_F1) + 11, .function(12)), (Int32(DUBEN_KEY_F1) + 23, .function(24)),
            (Int32(DUBEN_KEY_F1) + 24, nil), (0, nil),
        ]
        for (code, key) in expected {
            #expect(KeyDecoding.key(code: code, size: size) == key, "code \(code)")
        }
        // Every code from UP to MOUSE_OTHER is accounted for above (a new one must be added).
        #expect(Int32(DUBEN_KEY_MOUSE_OTHER) - Int32(DUBEN_KEY_UP) + 1 == 16)
    }

    @Test func charactersDecodeToKeys() {
        #expect(KeyDecoding.key(character: 9) == .tab)
        #expect(KeyDecoding.key(character: 10) == .enter)
        #expect(KeyDecoding.key(character: 13) == .enter)
        #expect(KeyDecoding.key(character: 27) == .escape)
        #expect(KeyDecoding.key(character: 127) == .backspace)
        #expect(KeyDecoding.key(character: 8) == .backspace)
        #expect(KeyDecoding.key(character: 1) == .ctrl("a"))
        #expect(KeyDecoding.key(character: 12) == .ctrl("l"))
        #expect(KeyDecoding.key(character: 0) == nil)
        #expect(KeyDecoding.key(character: 28) == nil)
        #expect(KeyDecoding.key(character: 0x5171) == .char("共"))
        #expect(KeyDecoding.key(character: 0xD800) == nil, "a surrogate is not a character")
    }

    @Test func everyBoundKeyCanBeDecoded() {
        // A binding to a key the terminal can never report would be dead (Ctrl-H, for one,
        // arrives as Backspace).
        var decodable: Set<Key> = []
        for c in UInt32(1)...UInt32(0x7F) { if let k = KeyDecoding.key(character: c) { decodable.insert(k) } }
        for code in Int32(1)...Int32(200) { if let k = KeyDecoding.key(code: code, size: (80, 24)) { decodable.insert(k) } }
        for (_, bindings) in KeyBindings.table {
            for b in bindings {
                for k in b.keys {
                    if case .char(let c) = k, !c.isASCII { continue }
                    let found = decodable.contains(k)
                    #expect(found, "\(k) of \(b.action) cannot come from the terminal")
                }
            }
        }
    }
}
