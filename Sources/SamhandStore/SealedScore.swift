import Dispatch
import Foundation
import SamhandCore
import SamhandCrypto
import Synchronization

/// A life-domain score as read for a report, still sealed, with its recipient's data key:
/// opening hundreds of thousands of them is the report's cost, so they are opened in parts
/// on every core (`openAll`), in memory only.
struct SealedScore: Sendable {
  let id: String
  let subject: Int
  let service: String
  let mappedOn: CalendarDate
  let domain: LifeDomain
  let score: Data
  let key: DataKey

  func open() throws -> LifeDomainReport.Observation {
    guard
      let score = LifeDomainScore.Score(
        rawValue: try FieldSealer(table: "life_domain_scores", rowID: id, key: key)
          .open(self.score, column: "score_sealed"))
    else {
      throw StoreError.corruptRow(table: "life_domain_scores", id: id, reason: "bad value")
    }
    return LifeDomainReport.Observation(
      subject: subject, service: service, mappedOn: mappedOn, domain: domain, score: score)
  }

  /// Every score opened, in the order given; the first failure is thrown.
  static func openAll(_ scores: [SealedScore]) throws -> [LifeDomainReport.Observation] {
    let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, scores.count / 1_000))
    let size = (scores.count + parts - 1) / parts
    let opened = Mutex<[Int: Result<[LifeDomainReport.Observation], any Error>]>([:])
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let range = min(part * size, scores.count)..<min((part + 1) * size, scores.count)
      let result = Result { try scores[range].map { try $0.open() } }
      opened.withLock { $0[part] = result }
    }
    return try opened.withLock { results in
      try (0..<parts).flatMap { try results[$0]!.get() }
    }
  }
}
