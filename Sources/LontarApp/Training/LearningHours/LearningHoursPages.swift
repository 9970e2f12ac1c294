import Foundation

/// A labelled link (dashboards, year switches).
struct JPLink: Encodable {
    let href: String
    let label: String
}

/// A figure with its label, for the summary boxes at the top of a dashboard.
struct JPStat: Encodable {
    let label: String
    let value: String
}

/// One person in a "behind" or "at risk" list.
struct JPPersonRow: Encodable {
    let href: String
    let name: String
    let nip: String
    let agency: String
    let unit: String
    let jp: String
    let missing: String
    let expected: String?
}

/// The previous / next year links every JP page carries.
struct JPYearNav: Encodable {
    let year: String
    let previous: JPLink?
    let next: JPLink?
}

struct MyLearningHoursPage: Encodable {
    struct Entry: Encodable {
        let title: String
        let form: String
        let dates: String
        let jp: String
        let source: String
        let organiser: String
        let certificate: String
        let rule: String
    }
    let layout: Layout
    let years: JPYearNav
    let bar: ProgressBar
    let summary: String
    let note: String?
    let warning: String?
    let entries: [Entry]
    let externalHref: String
    let exportHref: String
    let links: [JPLink]
}

struct AgencyJPPage: Encodable {
    struct UnitRow: Encodable {
        let name: String
        let employees: Int
        let pns: Int
        let reached: Int
        let share: String
        let bar: ProgressBar
        let average: String
    }
    let layout: Layout
    let action: String
    let years: JPYearNav
    let isAdmin: Bool
    let agencies: [Option]
    let chosen: Bool
    let agencyName: String
    let headline: String
    let bar: ProgressBar?
    let stats: [JPStat]
    let behind: [JPPersonRow]
    let pager: Pager?
    let units: [UnitRow]
    let links: [JPLink]
}

struct CityJPPage: Encodable {
    struct AgencyRow: Encodable {
        let href: String
        let code: String
        let name: String
        let employees: Int
        let pns: Int
        let reached: Int
        let share: String
        let average: String
        let pppk: Int
    }
    let layout: Layout
    let years: JPYearNav
    let headline: String
    let bar: ProgressBar
    let stats: [JPStat]
    let chart: BarChart
    let rows: [AgencyRow]
    let links: [JPLink]
}

struct AtRiskPage: Encodable {
    let layout: Layout
    let action: String
    let years: JPYearNav
    let scope: String
    let intro: String
    let isAdmin: Bool
    let agencies: [Option]
    let rows: [JPPersonRow]
    let pager: Pager
}
