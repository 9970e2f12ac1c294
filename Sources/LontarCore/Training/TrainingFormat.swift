import Foundation

// Small text formats shared by the training files.

/// Numbers in messages and exports: at most one decimal, none when whole ("20", "7.5"),
/// with a point, because these texts also go to machines (SIASN, CSV) and the app
/// formats numbers for people itself where it needs the Indonesian comma.
func decimalText(_ value: Double) -> String {
    guard value.isFinite else { return String(value) }
    let tenths = (value * 10).rounded()
    if tenths == 0 { return "0" }  // no "-0"
    let whole = tenths / 10
    if abs(whole) < 1e15, tenths.truncatingRemainder(dividingBy: 10) == 0 { return String(Int(whole)) }
    return String(format: "%.1f", whole)
}

/// "007" for (7, 3): fixed-width numbers in codes, dates and calendar stamps.
func zeroPadded(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
