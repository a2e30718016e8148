import SamhandPolicy

/// The timings of one benchmark run, all taken on the same corpus.
struct Measure {
  let policies: PolicySet
  let entities: Entities
  let requests: [AuthorizationRequest]
  private let clock = ContinuousClock()

  init(policies: PolicySet, entities: Entities, requests: [AuthorizationRequest]) {
    self.policies = policies
    self.entities = entities
    self.requests = requests
  }

  static func nanoseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
  }

  /// How many requests are allowed (also warms caches before timing).
  func allowedCount() -> Int {
    requests.filter { policies.isAuthorized($0, entities: entities).isAllowed }.count
  }

  /// Mean time per decision over `rounds` passes.
  func nanosecondsPerDecision(rounds: Int) -> Double {
    var sink = 0
    let duration = clock.measure {
      for _ in 0..<rounds {
        for request in requests {
          sink &+= policies.isAuthorized(request, entities: entities).reasons.count
        }
      }
    }
    precondition(sink >= 0)
    return Self.nanoseconds(duration) / Double(rounds * requests.count)
  }

  /// Every decision timed alone, sorted.
  func sortedLatencies(rounds: Int) -> [Double] {
    var latencies: [Double] = []
    latencies.reserveCapacity(requests.count * rounds)
    var sink = 0
    for _ in 0..<rounds {
      for request in requests {
        let start = clock.now
        sink &+= policies.isAuthorized(request, entities: entities).reasons.count
        latencies.append(Self.nanoseconds(clock.now - start))
      }
    }
    precondition(sink >= 0)
    return latencies.sorted()
  }

  /// Who-can over `principals` for the first `resources` recipients, in sorted milliseconds,
  /// with the number allowed for the last one.
  func whoCan(among principals: [EntityUID], resources: Int) -> (times: [Double], allowed: Int) {
    var times: [Double] = []
    var allowed = 0
    for index in 0..<resources {
      let duration = clock.measure {
        allowed =
          policies.whoCan(
            action: EntityUID(type: "Action", id: "readPlan"),
            resource: EntityUID(type: "Recipient", id: "r\(index)"), among: principals,
            entities: entities,
            context: ["consent": true, "breakGlass": false, "purpose": "treatment"]
          ).count
      }
      times.append(Self.nanoseconds(duration) / 1e6)
    }
    return (times.sorted(), allowed)
  }
}

extension Array where Element == Double {
  /// The value at `fraction` of a sorted array.
  func percentile(_ fraction: Double) -> Double {
    self[Swift.min(count - 1, Int(Double(count) * fraction))]
  }
}
