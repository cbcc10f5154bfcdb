/// The key table in force: `KeyBindings`' rows, with the keys the configuration file gives
/// an action in a context (`rebind`). The reader, its prompts and its help screen look keys up
/// here; `KeyMap.standard` is the table as shipped (what Docs/KEYS.md lists).
public struct KeyMap: Hashable, Sendable {
    private var rows: [KeyContext: [KeyBinding]]

    /// The table as shipped.
    public static let standard = KeyMap()

    public init() {
        rows = Dictionary(uniqueKeysWithValues: KeyContext.allCases.map { ($0, KeyBindings.bindings($0)) })
    }

    /// The rows of a context.
    public func bindings(_ context: KeyContext) -> [KeyBinding] { rows[context] ?? [] }

    /// Every context with its rows, in the order of the help screen.
    public var table: [(context: KeyContext, bindings: [KeyBinding])] {
        KeyContext.allCases.map { ($0, bindings($0)) }
    }

    /// The action bound to a key in a context (or in its fallback), if any.
    public func action(for key: Key, in context: KeyContext = .reader) -> Action? {
        if let b = bindings(context).first(where: { $0.keys.contains(key) }) {
            // The page's wheel row lists both directions under one action.
            if key == .wheelUp && b.keys == KeyBindings.wheel { return .lineUp }
            return b.action
        }
        return context.fallback.flatMap { action(for: key, in: $0) }
    }

    /// The actions that have keys of their own in a context (the wheel row aside): what
    /// the configuration file may rebind there.
    public func actions(in context: KeyContext) -> [Action] {
        var seen: Set<Action> = []
        return bindings(context).filter { $0.keys != KeyBindings.wheel }.map(\.action).filter { seen.insert($0).inserted }
    }

    /// The keys of an action's row in a context (nil when the context has no such row).
    public func keys(of action: Action, in context: KeyContext) -> [Key]? {
        bindings(context).first { $0.action == action && $0.keys != KeyBindings.wheel }?.keys
    }

    /// Gives `action` exactly `keys` in `context` (its row keeps its summary; its names
    /// become the keys' names unless the keys are the shipped ones). Returns false when the
    /// context has no row for the action.
    @discardableResult
    public mutating func rebind(_ action: Action, to keys: [Key], in context: KeyContext) -> Bool {
        guard var list = rows[context],
              let i = list.firstIndex(where: { $0.action == action && $0.keys != KeyBindings.wheel }) else { return false }
        let shipped = KeyBindings.bindings(context).first { $0.action == action && $0.keys != KeyBindings.wheel }
        list[i].keys = keys
        list[i].names = keys == shipped?.keys ? (shipped?.names ?? []) : keys.compactMap(KeyName.name(of:))
        rows[context] = list
        return true
    }

    /// Keys held by more than one row of a context, with the actions that hold each, in the
    /// order of the rows.
    public func conflicts(in context: KeyContext) -> [(key: Key, actions: [Action])] {
        var holders: [Key: [Action]] = [:]
        var order: [Key] = []
        for b in bindings(context) {
            for k in b.keys {
                if holders[k] == nil { order.append(k) }
                holders[k, default: []].append(b.action)
            }
        }
        return order.compactMap { k in holders[k]!.count > 1 ? (k, holders[k]!) : nil }
    }

    public static func == (a: KeyMap, b: KeyMap) -> Bool { a.rows == b.rows }
    public func hash(into h: inout Hasher) { h.combine(rows) }
}
