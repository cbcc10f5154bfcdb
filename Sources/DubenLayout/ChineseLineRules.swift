/// The Chinese line-breaking rules of W3C "Requirements for Chinese Text Layout" (clreq §3.1.7,
/// §3.2) that duben enforces on top of ICU's break opportunities.
public enum ChineseLineRules {
    /// Closing and middle punctuation, which never start a line (clreq: 行首禁则).
    @inline(__always)
    public static func isLineStartProhibited(_ v: UInt32) -> Bool {
        // CJK ideographs (the bulk of the text) first: none of them is listed.
        if v >= 0x3100 && v < 0xFF00 { return false }
        switch v {
        case 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01,  // ，。、；：？！
             0xFF09, 0x300B, 0x300D, 0x300F, 0x201D, 0x2019,          // ）》」』”’
             0x3015, 0x3011, 0x3009, 0xFF5D, 0xFF3D, 0x3017, 0x3019,  // 〕】〉｝］〗〙
             0x2026, 0x2025, 0x00B7, 0x30FB, 0xFF0E,                  // … ‥ · ・ ．
             0x2C, 0x2E, 0x3B, 0x3A, 0x3F, 0x21, 0x29, 0x5D, 0x7D,    // , . ; : ? ! ) ] }
             0x25, 0x2030, 0x2103, 0xFF05, 0x3005, 0x309D, 0x309E, 0x30FC:  // % ‰ ℃ ％ 々 ゝ ゞ ー
            return true
        default:
            return false
        }
    }

    /// Opening punctuation, which never ends a line (clreq: 行尾禁则).
    @inline(__always)
    public static func isLineEndProhibited(_ v: UInt32) -> Bool {
        if v >= 0x3100 && v < 0xFF00 { return false }
        switch v {
        case 0xFF08, 0x300A, 0x300C, 0x300E, 0x201C, 0x2018,          // （《「『“‘
             0x3014, 0x3010, 0x3008, 0xFF5B, 0xFF3B, 0x3016, 0x3018,  // 〔【〈｛［〖〘
             0x28, 0x5B, 0x7B, 0xFFE5, 0x24, 0xA3, 0xA5:              // ( [ { ￥ $ £ ¥
            return true
        default:
            return false
        }
    }

    /// "——" and "……" are never split: no break between two of these.
    public static func isInseparablePair(_ a: UInt32, _ b: UInt32) -> Bool {
        a == b && (a == 0x2014 || a == 0x2026 || a == 0x2E3A || a == 0x2015)
    }

    /// Digits of a number (ASCII or full-width).
    @inline(__always)
    static func isDigit(_ v: UInt32) -> Bool { (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v) }

    /// Units that stay with the number before them: "1700米", "2000万美元", "1346户".
    static let units: [[UInt32]] = [
        "平方公里", "平方米", "公里", "千米", "公斤", "千克", "美元", "欧元", "日元", "港元", "元", "米", "吨",
        "人次", "人", "户", "个", "名", "家", "项", "亩", "岁", "倍", "次", "年", "月", "日", "号", "天",
        "小时", "分钟", "秒", "度", "所", "座", "条", "件", "台", "辆", "架", "艘", "批", "位", "种", "篇",
        "部", "届", "周年", "期",
    ].map { $0.unicodeScalars.map(\.value) }.sorted { $0.count > $1.count }
    static let magnitudes: Set<UInt32> = Set("万亿千百多余".unicodeScalars.map(\.value))

    /// The end (exclusive) of a number-with-unit span that starts at `i`, when there is a unit.
    /// `base` holds the first scalar of each cluster.
    static func numberWithUnit(_ base: UnsafeBufferPointer<UInt32>, from i: Int) -> Int? {
        var j = i
        while j < base.count, isDigit(base[j]) || ((base[j] == 0x2E || base[j] == 0x2C) && j + 1 < base.count && isDigit(base[j + 1])) { j += 1 }
        guard j > i else { return nil }
        let numberEnd = j
        var m = 0
        while j < base.count, m < 3, magnitudes.contains(base[j]) { j += 1; m += 1 }
        for unit in units where j + unit.count <= base.count && base[j..<(j + unit.count)].elementsEqual(unit) {
            j += unit.count
            break
        }
        return j > numberEnd ? j : nil
    }
}
