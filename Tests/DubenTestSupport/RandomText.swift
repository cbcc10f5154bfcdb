/// Seeded random documents built from the pieces real texts are made of (headings, citations
/// with dates, run-in points, datelines, hard-wrapped and indented lines, blank lines, form
/// feeds, CRLF, Latin words, numbers with units, emoji, combining marks, ambiguous
/// punctuation): the random-text generator the parser, layout and indexer tests share.
public enum RandomText {
    public static let words = ["中国", "人民", "合作", "，", "。", "、", "；", "：", "？", "！", "“", "”", "‘", "’", "（", "）", "《", "》",
                        "——", "……", "·", "1700米", "2000万美元", "5G", "COVID-19", "3.5亿", "Xi Jinping", "abc", " ",
                        "e\u{301}", "👨‍👩‍👧", "🇨🇳", "〇", "二十国集团", "第一，", "一是", "20日下午，", "22日，", "2020年"]
    public static let lines = ["一、总体要求", "（二）主要任务", "第一部分　形势", "第三章　措施", "第一个问题：怎么看", "第二，加强领导。",
                        "（2020年3月27日同美国总统特朗普通电话）", "（2020年3月就意大利发生疫情致慰问电）",
                        "(2013年11月24日至28日在山东考察时的讲话)", "——摘自在中央经济工作会议上的讲话（2013年12月23日）",
                        "（一九五七年二月二十七日）", "（整理：张三）", "（新华社北京5月18日电）", "来源：《求是》2020年第8期",
                        "4月20日至23日，习近平在陕西考察。", "习近平", "", "", "\u{0C}"]

    public static func make(_ rng: inout SplitMix) -> String {
        var out = "标题\(Int.random(in: 0..<1000, using: &rng))\n"
        for _ in 0..<Int.random(in: 1...40, using: &rng) {
            if Bool.random(using: &rng) {
                out += lines.randomElement(using: &rng)!
            } else {
                if Int.random(in: 0..<3, using: &rng) == 0 { out += "　　" }
                for _ in 0..<Int.random(in: 1...60, using: &rng) { out += words.randomElement(using: &rng)! }
            }
            out += Int.random(in: 0..<10, using: &rng) == 0 ? "\r\n" : "\n"
            if Int.random(in: 0..<8, using: &rng) == 0 { out += "\n" }
        }
        return out
    }

}
