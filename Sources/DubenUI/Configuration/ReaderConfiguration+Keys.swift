import DubenStore

extension ReaderConfiguration {
    /// Applies `[keys.CONTEXT]` entries (`action = "key"` or `["key", …]`): each action gets
    /// exactly those keys in that context. An unknown context or action, a name that is not a
    /// key, a digit on the page (digits are counts) or a key left on two actions of one context
    /// is a problem naming the line and the key; a context with a problem keeps its shipped keys.
    mutating func bindKeys(_ entries: [ConfigFile.Entry], path: String) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        var byContext: [KeyContext: [ConfigFile.Entry]] = [:]
        for e in entries {
            guard let context = KeyContext(configName: e.keyPath[1]) else { continue }  // reported with its table
            byContext[context, default: []].append(e)
        }
        for context in KeyContext.allCases {
            guard let list = byContext[context] else { continue }
            var map = keyMap
            var bad: [ConfigProblem] = []
            // For each key the user gave: the line that gave it, to name in a conflict.
            var givenAt: [Key: (line: Int?, action: Action)] = [:]
            var rebound: Set<Action> = []
            let table = "[keys.\(context.configName)]"
            for e in list {
                func problem(_ message: String) { bad.append(ConfigProblem(path: path, line: e.line, message: message)) }
                let name = e.keyPath[2]
                guard let action = Action(configName: name), map.keys(of: action, in: context) != nil else {
                    let known = map.actions(in: context).map(\.configName).joined(separator: ", ")
                    problem("unknown action \"\(name)\" in \(table); actions there: \(known)")
                    continue
                }
                let names: [String]
                switch e.value {
                case .string(let s): names = [s]
                case .array(let items):
                    var strings: [String] = []
                    for item in items {
                        if case .string(let s) = item { strings.append(s) } else { problem("\(name): expected key names as strings; got \(item)") }
                    }
                    names = strings
                default:
                    problem("\(name): expected a key name or a list of them, like [\"j\", \"Down\"]; got \(e.value)")
                    continue
                }
                var keys: [Key] = []
                for n in names {
                    guard let key = KeyName.key(named: n) else {
                        problem("\(name): \(ConfigFile.quoted(n)) is not a key name (a character, Space, Enter, Esc, Tab, Shift-Tab, Backspace, Delete, Up, Down, Left, Right, PgUp, PgDn, Home, End, F1–F24, Ctrl-A–Ctrl-Z)")
                        continue
                    }
                    if (context == .reader || context == .selection), case .char(let c) = key, c.isASCII, c.isNumber {
                        problem("\(name): \(ConfigFile.quoted(n)) cannot be bound in \(table): digits are counts (20G, 5j)")
                        continue
                    }
                    if !keys.contains(key) { keys.append(key) }
                    givenAt[key] = (e.line, action)
                }
                map.rebind(action, to: keys, in: context)
                rebound.insert(action)
            }
            for (key, actions) in map.conflicts(in: context) {
                let name = KeyName.name(of: key) ?? "?"
                let given = givenAt[key]
                let described = actions.map { rebound.contains($0) ? $0.configName : "\($0.configName) (its shipped keys)" }
                bad.append(ConfigProblem(path: path, line: given?.line ?? list.first?.line,
                                         message: "key \(ConfigFile.quoted(name)) is bound to both \(described.joined(separator: " and ")) in \(table); give one of them other keys"))
            }
            if bad.isEmpty {
                keyMap = map
            } else {
                problems += bad
                let last = bad.compactMap(\.line).max() ?? list.first?.line
                problems.append(ConfigProblem(path: path, line: last, message: "\(table): not applied, its shipped keys are kept"))
            }
        }
        return problems
    }
}

extension KeyContext {
    /// The context's name in the configuration file: `reader`, `after-colon`, `bookmark-list`…
    public var configName: String { rawValue.kebabCased }

    /// The context a configuration name stands for.
    public init?(configName: String) {
        guard let c = KeyContext.allCases.first(where: { $0.configName == configName }) else { return nil }
        self = c
    }
}

extension Action {
    /// The action's name in the configuration file: `line-down`, `search-forward`…
    public var configName: String { rawValue.kebabCased }

    /// The action a configuration name stands for.
    public init?(configName: String) {
        guard let a = Action.allCases.first(where: { $0.configName == configName }) else { return nil }
        self = a
    }
}

extension String {
    /// `lineDown` → `line-down`.
    var kebabCased: String {
        var out = ""
        for c in self {
            if c.isUppercase { out += "-" + c.lowercased() } else { out.append(c) }
        }
        return out
    }
}
