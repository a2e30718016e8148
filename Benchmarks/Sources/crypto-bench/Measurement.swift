/// How fast one operation ran: the best of several timed rounds.
struct Measurement: Sendable {
  let name: String
  let operationsPerSecond: Double

  /// Times `iterations` calls of `body` per round and keeps the fastest of `rounds` rounds.
  ///
  /// `body` returns a byte of its result, which is folded into `sink` so that the optimiser
  /// cannot drop the work.
  static func run(
    _ name: String, iterations: Int, rounds: Int = 7, sink: inout UInt8,
    _ body: () throws -> UInt8
  ) rethrows -> Measurement {
    let clock = ContinuousClock()
    var best = Duration.seconds(Int64.max)
    for _ in 0..<rounds {
      let start = clock.now
      for _ in 0..<iterations { sink ^= try body() }
      best = min(best, clock.now - start)
    }
    let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) * 1e-18
    return Measurement(name: name, operationsPerSecond: Double(iterations) / max(seconds, 1e-9))
  }
}

/// One Samhand operation next to the raw primitive it is built on, measured in the same run.
struct Comparison: Sendable {
  let samhand: Measurement
  let baseline: Measurement

  /// How many times longer the Samhand operation takes than the baseline.
  var slowdown: Double { baseline.operationsPerSecond / samhand.operationsPerSecond }
}
