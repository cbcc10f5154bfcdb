import DubenModel
import DubenTestSupport
import Foundation
import Testing

/// Moving through the quotation collection by reading order and by date, in tmux.
@Suite("Quotations in tmux", .serialized)
struct QuotationsEndToEndTests {
    static var collection: Document { TestSupport.bundled.documents[1] }

    func firstWords(_ q: Quotation) -> String { String(Self.collection.text(of: q.blocks.lowerBound).prefix(8)) }

    /// Opens the collection.
    func openCollection() throws -> TmuxPane {
        let pane = try TmuxPane.reader()
        try pane.send("Tab")
        try pane.waitFor(text: "2/3")
        return pane
    }

    @Test func bracketVisitsEveryQuotation() throws {
        let pane = try openCollection()
        for q in Self.collection.quotations {
            try pane.send("]")
            let words = firstWords(q)
            try pane.waitFor("quotation \(q.index + 1)") { s in
                s.count > 2 && s[2].trimmingCharacters(in: .whitespaces).hasPrefix(words)
                    && s.last?.contains("quotation \(q.index + 1)/59") == true
            }
        }
    }

    @Test func atAcceptsEveryDateForm() throws {
        let pane = try openCollection()
        for form in ["2020-03-27", "2020/3/27", "20200327", "2020年3月27日", "3月27日", "3-27"] {
            try pane.send("g")
            try pane.send("]")
            try pane.waitFor(text: "quotation 1/59")
            try pane.send("@")
            try pane.send(form, literal: true)
            try pane.send("Enter")
            try pane.waitFor("@\(form)") { s in
                s.count > 2 && s[2].trimmingCharacters(in: .whitespaces).hasPrefix("流行性疾病不分国界")
                    && s.last?.contains("2020-03-27") == true
            }
            try pane.send("j", "k")
            try pane.waitFor(text: "quotation 9/59")
        }
        try pane.send("@")
        try pane.send("2020-03", literal: true)
        try pane.send("Enter")
        try pane.waitFor("@2020-03") { $0.count > 2 && $0[2].trimmingCharacters(in: .whitespaces).hasPrefix("人类是一个命运共同体，唯有") }
        try pane.send("@")
        try pane.send("2020", literal: true)
        try pane.send("Enter")
        try pane.waitFor("@2020") { $0.count > 2 && $0[2].trimmingCharacters(in: .whitespaces).hasPrefix("新型冠状病毒感染肺炎") }
        try pane.send("@")
        try pane.send("2030-01-01", literal: true)
        try pane.send("Enter")
        try pane.waitFor(text: "Nothing dated on or after 2030-01-01")
    }

    @Test func parenthesisCrossesFromMarch26ToMarch27() throws {
        let pane = try openCollection()
        try pane.send("@")
        try pane.send("2020-03-26", literal: true)
        try pane.send("Enter")
        try pane.waitFor(text: "2020-03-26")
        for _ in 0..<4 { try pane.send(")") }
        try pane.waitFor("the last quotation of 26 March") { $0.count > 2 && $0[2].trimmingCharacters(in: .whitespaces).hasPrefix("值此关键时刻") }
        try pane.send(")")
        try pane.waitFor("the first quotation of 27 March") { s in
            s.count > 2 && s[2].trimmingCharacters(in: .whitespaces).hasPrefix("流行性疾病不分国界")
                && s.last?.contains("2020-03-27 同美国总统特朗普通电话") == true
        }
    }

    @Test func timelineShowsFourMonthsAndJumps() throws {
        let pane = try openCollection()
        try pane.send("T")
        func monthRows(_ s: [String]) -> [String] { s.filter { $0.contains("█") || $0.contains("▌") || $0.contains("▉") } }
        let s = try pane.waitFor("the timeline with its four months") { s in
            s.joined().contains("Timeline · 59 quotations") && monthRows(s).count == 4
        }
        let months = monthRows(s)
        #expect(months.count == 4)
        #expect(months.map { String($0.dropFirst().prefix(7)) } == ["2020-01", "2020-02", "2020-03", "2020-04"])
        #expect(months[2].hasSuffix("34"))
        // From the first month (2018-02: the dated speech, no quotation) → January → February,
        // j to its second item (the second of two dated 3 February, in section 五), Enter.
        try pane.send("Right", "Right", "j", "Enter")
        try pane.waitFor("the second quotation of February") { s in
            s.count > 2 && s.last?.contains("2020-02-03") == true && s[0].contains("五、")
        }
    }

    @Test func occasionListsTheFourQuotationsOfTheCall() throws {
        let pane = try openCollection()
        for _ in 0..<9 { try pane.send("]") }
        try pane.waitFor(text: "quotation 9/59")
        try pane.send("o")
        // Poll for the whole list, not its title alone: a frame can be captured half drawn.
        try pane.waitFor("the occasion list with its four rows") { s in
            s.joined().contains("Occasion · 2020-03-27 同美国总统特朗普通电话 · 4")
                && s.filter { $0.contains("quotation ") && !$0.contains("Occasion") }.count == 4
        }
        try pane.send("j", "Enter")
        try pane.waitFor(text: "quotation 25/59")
    }
}
