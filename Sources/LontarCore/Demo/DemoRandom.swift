// The demo dataset's draws (numbers, choices, digits) over `SplitMix64`, so the demo data
// is identical everywhere.

public struct DemoRandom: Sendable {
    private var generator: SplitMix64

    public init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    public mutating func next() -> UInt64 { generator.next() }

    /// A number in `range` (modulo bias is irrelevant for demo data).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// True with probability `p` (0...1).
    public mutating func chance(_ p: Double) -> Bool {
        let unit = Double(next() >> 11) / Double(UInt64(1) << 53)
        return unit < p
    }

    public mutating func pick<T>(_ items: [T]) -> T {
        precondition(!items.isEmpty, "pick from an empty list")
        return items[int(0...(items.count - 1))]
    }

    /// A string of `count` decimal digits.
    public mutating func digits(_ count: Int) -> String {
        var text = ""
        for _ in 0..<count { text += String(int(0...9)) }
        return text
    }

    /// 0..<count (the same draw as `pick` from `count` items).
    public mutating func below(_ count: Int) -> Int { Int(next() % UInt64(max(count, 1))) }

    /// An index of `weights`, each as likely as its weight.
    public mutating func weighted(_ weights: [Int]) -> Int {
        var roll = below(weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }
}
