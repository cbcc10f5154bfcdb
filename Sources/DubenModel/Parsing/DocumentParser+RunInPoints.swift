extension DocumentParser {
    /// A run-in entry found in a paragraph: a run-in heading of a numbered form, or a point.
    struct RunIn {
        var block: Int
        var label: Range<Int>
        /// The heading form of a run-in heading ("（一）完善机制。"); nil for a point ("第一，").
        var form: HeadingForm?
        /// For points: "第一，" (true) or "一是" (false). The number of either.
        var ordinal = false
        var number = 0
    }

    /// Stage 6, every kind of document: run-in headings and points added to the TOC, and the
    /// levels of all its entries set.
    ///
    /// - A run-in heading is a paragraph that opens with a numbered form that may run in
    ///   (（一）, 1., （1）) and a short label ("（二）完善某项机制。要…"); it takes its form's level.
    /// - A run-in point is a paragraph that opens with "第一，" or "一是"; it goes one level below
    ///   the heading before it. In speeches every such paragraph is one; elsewhere only one that
    ///   continues or is continued by the numbering of its family (一是 then 二是).
    /// - Neither is taken from a paragraph of a quotation.
    /// - An Arabic-numbered heading out of sequence is dropped (`dropOutOfSequence`).
    /// - Levels: the forms of the headings and run-in headings present, in `HeadingForm`'s rank
    ///   order; the first is level 1.
    func addRunInPoints(_ p: UnsafeBufferPointer<UInt8>, to structure: inout Structure, _ profile: Profile) {
        var runIns: [RunIn] = []
        for (b, block) in structure.blocks.enumerated() where block.kind == .paragraph && block.quotation == nil {
            if let r = runIn(p, block.range, block: b) { runIns.append(r) }
        }
        if profile.kind != .speech { runIns = inSequence(runIns) }
        dropOutOfSequence(&structure, &runIns)
        // The levels of the forms present.
        var present = [Bool](repeating: false, count: HeadingForm.allCases.count)
        for f in structure.forms { present[f.rawValue] = true }
        for r in runIns { if let f = r.form { present[f.rawValue] = true } }
        var levelOf = [Int](repeating: 0, count: HeadingForm.allCases.count)
        var level = 0
        for f in HeadingForm.allCases where present[f.rawValue] && f != .matter {
            level += 1
            levelOf[f.rawValue] = level
        }
        levelOf[HeadingForm.matter.rawValue] = 1
        var toc: [TOCEntry] = []
        toc.reserveCapacity(structure.toc.count + runIns.count)
        var currentLevel = 0
        var next = 0
        for (e, var entry) in structure.toc.enumerated() {
            while next < runIns.count && runIns[next].block < entry.block {
                append(runIns[next])
                next += 1
            }
            entry.level = levelOf[structure.forms[e].rawValue]
            structure.blocks[entry.block].kind = .heading(level: entry.level)
            currentLevel = entry.level
            toc.append(entry)
        }
        while next < runIns.count {
            append(runIns[next])
            next += 1
        }
        func append(_ r: RunIn) {
            let level: Int
            if let f = r.form {
                level = levelOf[f.rawValue]
                currentLevel = level
            } else {
                level = currentLevel + 1
            }
            toc.append(TOCEntry(level: level, labelRange: r.label, in: source, block: r.block, isRunIn: true))
        }
        structure.toc = toc
    }

    /// Drops the Arabic-numbered headings and run-in headings ("2.", "（3）") that do not go on
    /// from a smaller number of their form since the last heading of a higher form: a list
    /// such as an attachment list (附件：1.… / 2.…) after the body, not a level of its own.
    func dropOutOfSequence(_ structure: inout Structure, _ runIns: inout [RunIn]) {
        var last = [Int](repeating: 0, count: HeadingForm.allCases.count)
        var dropped = Set<Int>()  // toc indices; run-ins are filtered in place
        var keptRunIns: [RunIn] = []
        keptRunIns.reserveCapacity(runIns.count)
        var r = 0
        func keep(_ form: HeadingForm, _ n: Int) -> Bool {
            if (form == .arabic || form == .parenthesisedArabic) && n > 1 && !(last[form.rawValue] >= 1 && last[form.rawValue] < n) {
                return false
            }
            if n > 0 { last[form.rawValue] = n }
            for lower in (form.rawValue + 1)..<last.count { last[lower] = 0 }
            return true
        }
        func runInsBefore(_ block: Int) {
            while r < runIns.count && runIns[r].block < block {
                if let f = runIns[r].form {
                    if keep(f, runIns[r].number) { keptRunIns.append(runIns[r]) }
                } else {
                    keptRunIns.append(runIns[r])
                }
                r += 1
            }
        }
        for (e, entry) in structure.toc.enumerated() {
            runInsBefore(entry.block)
            if !keep(structure.forms[e], structure.numbers[e]) { dropped.insert(e) }
        }
        runInsBefore(Int.max)
        runIns = keptRunIns
        guard !dropped.isEmpty else { return }
        for e in dropped { structure.blocks[structure.toc[e].block].kind = .paragraph }
        let kept = structure.toc.indices.filter { !dropped.contains($0) }
        structure.toc = kept.map { structure.toc[$0] }
        structure.forms = kept.map { structure.forms[$0] }
        structure.numbers = kept.map { structure.numbers[$0] }
    }

    /// The points of a document that is not a speech, kept when they continue or are continued
    /// by the numbering of their family; run-in headings are all kept.
    func inSequence(_ runIns: [RunIn]) -> [RunIn] {
        var keep = [Bool](repeating: false, count: runIns.count)
        var last: [Bool: Int] = [:]  // the last point of each family
        for (i, r) in runIns.enumerated() {
            guard r.form == nil else {
                keep[i] = true
                continue
            }
            if let j = last[r.ordinal], runIns[j].number + 1 == r.number {
                keep[i] = true
                keep[j] = true
            }
            last[r.ordinal] = i
        }
        return runIns.indices.filter { keep[$0] }.map { runIns[$0] }
    }

    /// The run-in heading or point a paragraph opens with; most paragraphs are ruled out by
    /// their first character.
    func runIn(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, block: Int) -> RunIn? {
        let first = UTF8Scalars.decode(p, at: range.lowerBound).value
        guard first == 0x7B2C /* 第 */ || first == 0xFF08 /* （ */ || first == 0x28 /* ( */
                || Unicode.Scalar(first).map(DateParser.canStartDate) == true else { return nil }
        if first == 0xFF08 || first == 0x28 || Unicode.Scalar(first).flatMap(DateParser.digit) != nil {
            // Most such paragraphs open with a date or a bracket: rule them out from a few scalars.
            guard HeadingRecognizer.form(prefix(p, range, scalars: HeadingRecognizer.formPrefixLength))?.form.mayRunIn == true else {
                return nil
            }
            let s = prefix(p, range, scalars: HeadingRecognizer.maxRunInLabelLength)
            guard let (form, n, length) = HeadingRecognizer.runInHeading(s) else { return nil }
            var end = range.lowerBound
            for c in s[..<length] { end += c.utf8.count }
            return RunIn(block: block, label: range.lowerBound..<end, form: form, number: n)
        }
        guard let (ordinal, n) = HeadingRecognizer.runInPoint(prefix(p, range, scalars: 6)) else {  // 第九十九， / 九十九是
            return nil
        }
        return RunIn(block: block, label: runInLabel(p, range), form: nil, ordinal: ordinal, number: n)
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
