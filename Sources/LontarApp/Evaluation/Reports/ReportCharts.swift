import Foundation

/// Two bars per row — alumni and supervisors — so the two views of L3 sit side by side.
/// Laid out here (coordinates only in the template, colours by CSS class) because the CSP
/// forbids inline style and script; 354 units wide fits a 390 px phone.
struct PairedBarChart: Encodable {
    struct Bar: Encodable {
        let tone: String
        let y: Int
        let width: Int
        let valueX: Int
        let textY: Int
        let value: String
    }

    struct Group: Encodable {
        let label: String
        let labelY: Int
        let bars: [Bar]
    }

    struct Key: Encodable {
        let tone: String
        let label: String
        let x: Int
        let labelX: Int
    }

    let title: String
    let description: String
    let width: Int
    let height: Int
    let barX: Int
    let barSpace: Int
    let barHeight: Int
    let groups: [Group]
    let keys: [Key]
    let keyY: Int
    let keyTop: Int

    static let labelWidth = 124
    static let barSpace = 166
    static let barHeight = 14
    static let groupHeight = 42

    /// `rows` are (label, [(tone, percent 0…100 or nil, value text)]); `keys` name the tones.
    static func make(
        title: String, description: String, keys: [(String, String)], rows: [(String, [(String, Double?, String)])]
    ) -> PairedBarChart {
        let groups = rows.enumerated().map { index, row in
            let top = index * groupHeight + 4
            let bars = row.1.enumerated().map { offset, bar in
                let width = Int((min(100, max(0, bar.1 ?? 0)) / 100 * Double(barSpace)).rounded())
                let y = top + offset * (barHeight + 3)
                return Bar(
                    tone: bar.0, y: y, width: width, valueX: labelWidth + width + 6, textY: y + 11, value: bar.2)
            }
            return Group(label: ChartLabel.fit(row.0), labelY: top + 20, bars: bars)
        }
        let keyY = rows.count * groupHeight + 16
        return PairedBarChart(
            title: title, description: description, width: labelWidth + barSpace + ChartLabel.valueSpace,
            height: keyY + 10,
            barX: labelWidth, barSpace: barSpace, barHeight: barHeight, groups: groups,
            keys: keys.enumerated().map { Key(tone: $1.0, label: $1.1, x: $0 * 150, labelX: $0 * 150 + 16) },
            keyY: keyY,
            keyTop: keyY - 10)
    }
}
