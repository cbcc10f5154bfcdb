import CDubenSearch

/// A pattern compiled by ICU (`CDubenSearch`), shared read-only; each thread matches with its
/// own `RegexInstance` (ICU's matcher keeps state).
final class CompiledRegex: @unchecked Sendable {
    let handle: OpaquePointer

    /// Compiles the rewritten pattern; an error is placed in the pattern as typed through
    /// `map` (rewritten unit → source scalar).
    init(_ pattern: [UInt16], source: [Unicode.Scalar], map: [Int]) throws(SearchPattern.Invalid) {
        var offset: Int32 = -1
        var name = [CChar](repeating: 0, count: 64)
        let h = pattern.withUnsafeBufferPointer { p in
            duben_regex_open(p.baseAddress, Int32(p.count), 0, &offset, &name, Int32(name.count))
        }
        guard let h else {
            let code = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let position = offset >= 0 ? (Int(offset) < map.count ? map[Int(offset)] + 1 : source.count + 1) : nil
            throw SearchPattern.Invalid(reason: CompiledRegex.reason(code), position: position)
        }
        handle = h
    }

    deinit { duben_regex_close(handle) }

    /// ICU's error names in words.
    static func reason(_ code: String) -> String {
        switch code {
        case "U_REGEX_MISMATCHED_PAREN": return "unmatched parenthesis"
        case "U_REGEX_MISSING_CLOSE_BRACKET": return "missing ]"
        case "U_REGEX_RULE_SYNTAX": return "syntax error (nothing to repeat, or a misplaced character)"
        case "U_REGEX_BAD_ESCAPE_SEQUENCE": return "unknown escape sequence"
        case "U_REGEX_PROPERTY_SYNTAX": return "bad property name in \\p{…}"
        case "U_REGEX_BAD_INTERVAL": return "bad {n,m} repetition"
        case "U_REGEX_MAX_LT_MIN": return "{n,m} repetition with m smaller than n"
        case "U_REGEX_NUMBER_TOO_BIG": return "number too big in {n,m}"
        case "U_REGEX_INVALID_BACK_REF": return "back reference to a group that does not exist"
        case "U_REGEX_INVALID_RANGE": return "range out of order in [ ]"
        case "U_REGEX_LOOK_BEHIND_LIMIT": return "look-behind must have a bounded length"
        case "U_REGEX_INVALID_FLAG": return "unknown flag in (?…)"
        case "U_REGEX_OCTAL_TOO_BIG": return "octal escape too big"
        case "U_REGEX_INVALID_CAPTURE_GROUP_NAME": return "bad group name"
        default: return "invalid pattern (\(code))"
        }
    }
}

/// One thread's matcher for a `CompiledRegex`.
final class RegexInstance {
    let handle: OpaquePointer?
    /// Keeps the compiled pattern alive as long as its clone.
    let compiled: CompiledRegex

    init(_ compiled: CompiledRegex) {
        self.compiled = compiled
        handle = duben_regex_clone(compiled.handle)
    }

    deinit { if let handle { duben_regex_close(handle) } }

    enum Found { case match(Range<Int>), none, failed }

    /// Sets the text (not copied; it must stay valid while `find` is used).
    func setText(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard let handle else { return false }
        return duben_regex_set_text(handle, base, Int64(count)) == 0
    }

    /// The next non-empty match at or after byte `from`.
    func find(from: Int) -> Found {
        guard let handle else { return .failed }
        var s: Int64 = 0, e: Int64 = 0
        switch duben_regex_find(handle, Int64(from), &s, &e) {
        case 1: return .match(Int(s)..<Int(e))
        case 0: return .none
        default: return .failed
        }
    }
}
