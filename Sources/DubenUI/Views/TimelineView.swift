import DubenLayout
import DubenModel

/// The quotations of one occasion (o).
enum OccasionView {
    static func draw(_ reader: Reader, selected: Int, items: [DatedItem], into screen: inout ScreenBuffer) {
        let rows = items.map { item -> ListOverlay.Row in
            let doc = reader.corpus.documents[item.documentIndex]
            let q = doc.quotations[item.quotation ?? 0]
            return ListOverlay.Row(text: TimelineView.firstWords(doc.quotationText(q)), detail: "quotation \(q.index + 1)")
        }
        var title = "Occasion"
        if let first = items.first, let qi = first.quotation {
            title += " · " + reader.describe(reader.corpus.documents[first.documentIndex].quotations[qi]) + " · \(items.count)"
        }
        ListOverlay(title: title, rows: rows, selected: selected, footer: "Enter jump · j/k move · Esc close").draw(into: &screen)
    }
}

/// The timeline (T): one row per month with its count and a bar, then the items of the
/// selected month. Bars count quotations; report passages are listed and marked "report".
enum TimelineView {
    static func firstWords(_ text: String) -> String {
        String(text.prefix(60)).replacingOccurrences(of: "\n", with: " ")
    }

    static func draw(_ reader: Reader, selection s: TimelineSelection, into screen: inout ScreenBuffer) {
        let measure = screen.measure
        let timeline = reader.timeline(filter: s.filter)
        let periods = timeline.periods
        let quotations = timeline.quotations
        var title = "Timeline · \(quotations) quotations"
        if let (a, b) = timeline.span { title += " · \(a.iso) — \(b.iso)" }
        if let indexing = reader.indexingLabel { title += " · \(indexing)" }
        let filter = s.filter.isEmpty ? "" : "filter: \(s.filter) (\(quotations))"
        ReaderView.bar(&screen, y: 0, left: title, right: filter, style: .bold, rightStyle: .accent)
        let footerY = screen.height - 1
        ReaderView.bar(&screen, y: footerY, left: "Enter jump · j/k item · ←/→ month · / filter · Esc close", right: "", style: .dim)
        guard !periods.isEmpty else {
            screen.put(s.filter.isEmpty ? "No dated items." : "Nothing matches \(s.filter).", x: 2, y: 2)
            return
        }
        // Month rows take at most half of the screen; they scroll with the selection.
        let monthRows = max(1, min(periods.count, (screen.height - 3) / 2))
        let firstMonth = ListOverlay.scroll(selected: s.period, count: periods.count, visible: monthRows)
        let maxCount = max(1, periods.map(\.period.count).max() ?? 1)
        let labelWidth = 10
        // Counts right-aligned in a column as wide as the largest (at least 4).
        let countWidth = max(4, String(maxCount).count)
        let extraWidth = 12
        let barWidth = max(1, screen.width - labelWidth - countWidth - extraWidth - 4)
        for (k, entry) in periods.dropFirst(firstMonth).prefix(monthRows).enumerated() {
            let y = 1 + k
            let p = firstMonth + k
            let selected = p == s.period
            let style: Style = selected ? .bold : []
            screen.put(selected ? "▶" : " ", x: 0, y: y, style: .accent)
            screen.put(entry.period.key, x: 1, y: y, style: style)
            let bar = Bars.bar(entry.period.count, of: maxCount, width: barWidth)
            screen.put(bar, x: 1 + labelWidth, y: y, style: .accent)
            let count = "\(entry.period.count)"
            screen.put(count, x: 1 + labelWidth + barWidth + 1 + countWidth - measure.width(of: count), y: y, style: style)
            if entry.period.passages > 0 {
                let documents = entry.period.documents
                let word = documents == 0 ? "report" : documents == entry.period.passages ? "document" : "dated"
                screen.put("+\(entry.period.passages) \(word)", x: 1 + labelWidth + barWidth + 2 + countWidth, y: y, style: .dim)
            }
        }
        let ruleY = 1 + monthRows
        ReaderView.rule(&screen, y: ruleY)
        // Items of the selected month.
        let items = s.period < periods.count ? periods[s.period].items : Timeline.PeriodItems([])
        let visible = max(1, footerY - ruleY - 1)
        let first = ListOverlay.scroll(selected: s.item, count: items.count, visible: visible)
        let dateWidth = 12
        let occasionWidth = max(8, (screen.width - dateWidth - 3) / 2)
        for (k, item) in items.dropFirst(first).prefix(visible).enumerated() {
            let y = ruleY + 1 + k
            let selected = first + k == s.item
            let style: Style = selected ? .reverse : []
            if selected { screen.fill(y: y, style: .reverse) }
            screen.put(selected ? "▶" : " ", x: 0, y: y, style: style)
            screen.put(item.date.start.iso, x: 1, y: y, style: style)
            let doc = reader.corpus.documents[item.documentIndex]
            let occasion: String
            let words: String
            if let qi = item.quotation {
                let label = item.label(in: reader.corpus)
                occasion = label.isEmpty ? "—" : label
                words = firstWords(doc.quotationText(doc.quotations[qi]))
            } else if item.kind == .document {
                occasion = "document · " + doc.kind.rawValue
                words = doc.title
            } else {
                occasion = "report · " + item.label(in: reader.corpus)
                words = firstWords(String(doc.text(of: item.block).unicodeScalars.dropFirst(item.offset)))
            }
            let x = 1 + dateWidth
            screen.put(measure.truncate(occasion, to: occasionWidth - 1), x: x, y: y,
                       style: selected ? .reverse : (item.quotation == nil ? .dim : []))
            let wx = x + occasionWidth + 1
            screen.put(measure.truncate(words, to: max(0, screen.width - wx - 1)), x: wx, y: y, style: selected ? .reverse : .dim)
        }
    }
}

/// Horizontal bars of block characters proportional to a value, with eighths for the remainder
/// (the timeline view and `duben timeline`).
public enum Bars {
    public static func bar(_ value: Int, of maximum: Int, width: Int) -> String {
        guard value > 0, maximum > 0, width > 0 else { return "" }
        let eighths = max(1, value * width * 8 / maximum)
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }
}
