/// Benchmarks added by later layers (layout, UI) register here.
enum BenchExtra {
    static func run(_ what: String, _ path: String) {
        print("unknown benchmark \(what)")
    }
}
