extension DocumentParser {
    /// Stage 6 (speeches): the TOC with run-in points added — paragraphs outside quotations
    /// that open like "第一，" or "一是" — each one level below the heading it follows.
    func addingRunInPoints(_ p: UnsafeBufferPointer<UInt8>, to toc: [TOCEntry], blocks: [Block]) -> [TOCEntry] {
        var withRunIns: [TOCEntry] = []
        var currentLevel = 0
        var nextHeading = 0
        for (b, block) in blocks.enumerated() {
            while nextHeading < toc.count && toc[nextHeading].block == b {
                currentLevel = toc[nextHeading].level
                withRunIns.append(toc[nextHeading])
                nextHeading += 1
            }
            guard block.kind == .paragraph, block.quotation == nil, isRunInPoint(p, block.range) else { continue }
            withRunIns.append(TOCEntry(level: currentLevel + 1, labelRange: runInLabel(p, block.range), in: source, block: b,
                                       isRunIn: true))
        }
        return withRunIns
    }

    /// Whether a paragraph opens with a run-in point (see `HeadingRecognizer.isRunInPoint`);
    /// most are ruled out by their first character.
    func isRunInPoint(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let first = UTF8Scalars.decode(p, at: range.lowerBound).value
        guard first == 0x7B2C /* 第 */ || Unicode.Scalar(first).map(DateParser.canStartDate) == true else { return false }
        return HeadingRecognizer.isRunInPoint(prefix(p, range, scalars: HeadingRecognizer.formPrefixLength))
    }

    /// A run-in point's label: its first sentence, or the characters that start in its first
    /// 360 bytes when that is longer.
    func runInLabel(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        let limit = min(range.upperBound, range.lowerBound + 360)
        var end = range.lowerBound
        while end < limit {
            let (v, n) = UTF8Scalars.decode(p, at: end)
            if HeadingRecognizer.endsRunInLabel(v) { break }
            end += n
        }
        return range.lowerBound..<end
    }
}
