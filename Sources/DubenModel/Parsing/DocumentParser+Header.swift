extension DocumentParser {
    /// Stage 1's result: what the opening lines say about the document.
    struct Header {
        /// The first line.
        var title: String
        /// The second line when it is a name and more lines follow.
        var author: String?
        /// The index of the body's first line.
        var bodyStart: Int
    }

    /// Stage 1: the title (the first line) and the author (a second line that is a name,
    /// when the document has more lines than these two; a byline such as "新华社记者 某某" is
    /// a note, never the author).
    func header(_ p: UnsafeBufferPointer<UInt8>, _ lines: [Line]) -> Header {
        let title = source.string(lines.first?.range ?? 0..<0)
        if lines.count > 2, isNameLine(p, lines[1].range), !NoteLines.isNote(p, lines[1].range) {
            return Header(title: title, author: source.string(lines[1].range), bodyStart: 2)
        }
        return Header(title: title, author: nil, bodyStart: 1)
    }

    /// "习近平", "毛泽东", "Xi Jinping": a short line of a name (no sentence punctuation).
    func isNameLine(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let s = UTF8Scalars.scalars(p, range)
        guard (2...12).contains(s.count), HeadingRecognizer.heading(s) == nil else { return false }
        let cjkName = s.allSatisfy { (0x4E00...0x9FFF).contains($0.value) || $0 == "·" || $0 == "・" || $0 == " " || $0 == "\u{3000}" }
        let latinName = s.allSatisfy { $0.properties.isAlphabetic && $0.isASCII || $0 == " " || $0 == "." || $0 == "-" }
        return cjkName || latinName
    }
}
