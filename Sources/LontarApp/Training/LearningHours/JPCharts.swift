import Foundation
import LontarCore
import Vapor

/// A progress bar drawn as SVG on the server: the template draws a track of width 100
/// and a fill of `percent`, with the text beside it, so it needs no script and no
/// inline style (the CSP forbids both).
struct ProgressBar: Encodable {
    let percent: Int
    /// "12 dari 20 JP" — also the SVG's title, so screen readers hear the figures.
    let label: String
    /// reached, behind, or ceiling (PPPK: measured against a maximum, never "behind").
    let tone: String

    static func make(_ progress: JPProgress, request: Request) -> ProgressBar {
        let total = JPFormat.jp(progress.total, language: request.language)
        let target = JPFormat.jp(progress.target, language: request.language)
        switch progress.kind {
        case .pns:
            return ProgressBar(
                percent: progress.percent, label: request.t("jp.progress.pns", total, target),
                tone: progress.reached ? "reached" : "behind")
        case .pppk:
            return ProgressBar(
                percent: progress.percent, label: request.t("jp.progress.pppk", total, target), tone: "ceiling")
        }
    }

    /// A share (of people who reached the target) as a bar.
    static func share(_ percent: Int, label: String) -> ProgressBar {
        ProgressBar(percent: min(100, max(0, percent)), label: label, tone: percent >= 100 ? "reached" : "share")
    }
}

/// A horizontal bar chart with one row per OPD, laid out here so the template only
/// writes coordinates: label on the left, bar in the middle, value text after the bar.
/// 354 units wide fits a 390 px phone at about one unit per pixel; the SVG scales down on narrower screens.
struct BarChart: Encodable {
    struct Bar: Encodable {
        let label: String
        let value: String
        let y: Int
        let textY: Int
        let width: Int
        let valueX: Int
    }

    let title: String
    let description: String
    let width: Int
    let height: Int
    let barX: Int
    let barSpace: Int
    let barHeight: Int
    let bars: [Bar]

    static let rowHeight = 26
    static let barHeight = 18
    static let labelWidth = 124
    static let barSpace = 166

    /// `items` are (label, percent 0…100, value text).
    static func make(title: String, description: String, items: [(String, Int, String)]) -> BarChart {
        let bars = items.enumerated().map { index, item in
            let width = Int((Double(min(100, max(0, item.1))) / 100 * Double(barSpace)).rounded())
            let y = index * rowHeight + 4
            return Bar(
                label: ChartLabel.fit(item.0), value: item.2, y: y, textY: y + 14, width: width,
                valueX: labelWidth + width + 6)
        }
        return BarChart(
            title: title, description: description, width: labelWidth + barSpace + ChartLabel.valueSpace,
            height: max(rowHeight, items.count * rowHeight + 8), barX: labelWidth, barSpace: barSpace,
            barHeight: barHeight, bars: bars)
    }
}

/// Text in the server-drawn charts, where nothing may spill out of the picture on a phone.
enum ChartLabel {
    /// What the charts' 124 units of 13 px text hold.
    static let maxCharacters = 17
    /// Room right of a full bar for a bold "100,0%", in a wide font (DejaVu Sans) too.
    static let valueSpace = 64

    /// The label, or its start with "…" when it would not fit.
    static func fit(_ text: String) -> String {
        text.count <= maxCharacters ? text : String(text.prefix(maxCharacters - 1)) + "…"
    }
}

enum JPText {
    /// "5 Maret 2026", or "3 Maret 2026 – 5 Maret 2026" for a span of days.
    static func dates(_ start: String, _ end: String, language: Language) -> String {
        let first = CivilDate(iso: start).map { CityTime.longDate($0, language: language) } ?? start
        let last = CivilDate(iso: end).map { CityTime.longDate($0, language: language) } ?? end
        return first == last ? first : first + " – " + last
    }

    static func formName(_ code: String, language: Language) -> String {
        guard let form = DevelopmentForm.find(code) else { return code }
        return language == .id ? form.name : form.englishName
    }

    /// The year asked for in `?year=`, else this year in WITA; kept to the years rules allow.
    static func year(_ req: Request) -> Int {
        let asked = req.query[Int.self, at: "year"] ?? CityTime.today(req.clock).year
        return min(2100, max(2000, asked))
    }

    static func percent(_ value: Int) -> String { "\(value)%" }
}

/// Links with query strings to the JP pages.
enum JPLinks {
    static func with(_ path: String, _ items: [String: String?]) -> String {
        var components = URLComponents()
        components.path = path
        let query = items.compactMap { key, value in value.map { URLQueryItem(name: key, value: $0) } }
            .sorted { $0.name < $1.name }
        components.queryItems = query.isEmpty ? nil : query
        return components.string ?? path
    }
}

extension JPLinks {
    /// The route pattern of an address built from an id ("/jp/eksternal/:id/berkas"), so
    /// routes are registered from the same function that builds the links.
    static func pattern(_ make: (UUID) -> String) -> [PathComponent] {
        let marker = UUID()
        return make(marker).replacingOccurrences(of: marker.uuidString, with: ":id").pathComponents
    }
}
