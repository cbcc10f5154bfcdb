/// The text of a prompt being typed: insertion at a cursor, whole-character deletion (a
/// backspace removes one grapheme cluster, so one Chinese character), Ctrl-U to clear. Its keys
/// are the `.prompt` rows of `KeyBindings`.
public struct LineEditor: Hashable, Sendable {
    public private(set) var characters: [Character] = []
    public private(set) var cursor = 0

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    public enum Outcome: Equatable { case editing, accepted, cancelled }

    /// Applies a key, looked up in the `.prompt` rows of `keys`; returns whether the prompt
    /// goes on, was accepted, or was cancelled.
    public mutating func handle(_ key: Key, keys: KeyMap = .standard) -> Outcome {
        guard let action = keys.action(for: key, in: .prompt) else {
            if case .char(let c) = key {
                characters.insert(c, at: cursor)
                cursor += 1
            }
            return .editing
        }
        switch action {
        case .accept: return .accepted
        case .cancel: return .cancelled
        case .deleteBackward:
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
            else if characters.isEmpty { return .cancelled }
        case .deleteForward:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .cursorLeft: cursor = max(0, cursor - 1)
        case .cursorRight: cursor = min(characters.count, cursor + 1)
        case .cursorStart: cursor = 0
        case .cursorEnd: cursor = characters.count
        case .clearLine: characters.removeAll(); cursor = 0
        case .deleteWord:
            while cursor > 0 && characters[cursor - 1] == " " { characters.remove(at: cursor - 1); cursor -= 1 }
            while cursor > 0 && characters[cursor - 1] != " " { characters.remove(at: cursor - 1); cursor -= 1 }
        default: break
        }
        return .editing
    }
}
