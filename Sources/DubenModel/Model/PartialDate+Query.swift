extension PartialDate {
    /// Parses a date typed by a user: "2020-03-27", "2020-03", "2020", "2020/3/27", "20200327",
    /// "2020年3月27日", "二〇二〇年三月"; with `contextYear`, also "3月27日", "3-27", "3/27".
    public init?(query raw: String, contextYear: Int? = nil) {
        let q = String(raw.drop { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }.reversed())
        guard !q.isEmpty else { return nil }
        let scalars = Array(q.unicodeScalars)
        if scalars.contains(where: { !$0.isASCII }) {
            guard let span = DateParser(scalars).whole(requireYear: false) else { return nil }
            var d = span.start
            if d.year == nil { guard let y = contextYear, d.month != nil else { return nil }; d.year = y }
            guard d.isValid else { return nil }
            self = d
            return
        }
        if q.allSatisfy(\.isNumber), q.count == 8 || q.count == 6 || q.count == 4 {
            let y = Int(q.prefix(4))!
            // Year 0 is stored as "no year": "0000" would become a date of no year.
            guard y > 0 else { return nil }
            let m = q.count >= 6 ? Int(q.dropFirst(4).prefix(2)) : nil
            let d = q.count == 8 ? Int(q.suffix(2)) : nil
            self.init(year: y, month: m, day: d)
            if !isValid { return nil }
            return
        }
        let parts = q.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.allSatisfy({ (p: Substring) in !p.isEmpty && p.allSatisfy { $0.isASCII && $0.isNumber } && p.count <= 4 }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        if parts[0].count == 4 {
            guard numbers.count <= 3, numbers[0] > 0 else { return nil }
            self.init(year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
        } else {
            guard let y = contextYear, (1...2).contains(numbers.count), parts.allSatisfy({ $0.count <= 2 }) else { return nil }
            self.init(year: y, month: numbers[0], day: numbers.count > 1 ? numbers[1] : nil)
        }
        if !isValid { return nil }
    }
}
