/// The text of a prompt being typed: insertion at a cursor, whole-character deletion (a
/// backspace removes one grapheme cluster, so one Chinese character), Ctrl-U to clear.
public struct LineEditor: Hashable, Sendable {
    public private(set) var characters: [Character] = []
    public private(set) var cursor = 0

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    public enum Outcome: Equatable { case editing, accepted, cancelled }

    /// Applies a key; returns whether the prompt goes on, was accepted, or was cancelled.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .enter: return .accepted
        case .escape, .ctrl("c"), .ctrl("g"): return .cancelled
        case .backspace, .ctrl("h"):
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
            else if characters.isEmpty { return .cancelled }
        case .delete, .ctrl("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .ctrl("u"): characters.removeAll(); cursor = 0
        case .ctrl("w"):
            while cursor > 0 && characters[cursor - 1] == " " { characters.remove(at: cursor - 1); cursor -= 1 }
            while cursor > 0 && characters[cursor - 1] != " " { characters.remove(at: cursor - 1); cursor -= 1 }
        case .char(let c):
            characters.insert(c, at: cursor)
            cursor += 1
        default: break
        }
        return .editing
    }
}
