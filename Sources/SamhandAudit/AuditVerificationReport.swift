/// The verdict of `samhand audit verify`: whether the log is intact and, if not, the first
/// problem and how far the log can be trusted.
public struct AuditVerificationReport: Sendable, Equatable, Codable, CustomStringConvertible {
  public let intact: Bool
  /// Rows fed to the verifier, including undecodable ones.
  public let entriesChecked: Int64
  /// Checkpoints whose signature and head hash were checked and found right.
  public let checkpointsChecked: Int
  /// The last entry that verified before the first problem (the whole log's head when
  /// intact); nil when none did.
  public let head: AuditHead?
  /// The first problem; nil when intact.
  public let problem: AuditProblem?

  public init(
    intact: Bool, entriesChecked: Int64, checkpointsChecked: Int, head: AuditHead?,
    problem: AuditProblem?
  ) {
    self.intact = intact
    self.entriesChecked = entriesChecked
    self.checkpointsChecked = checkpointsChecked
    self.head = head
    self.problem = problem
  }

  public var description: String {
    let headText = head.map { "head \($0.sequence) \($0.hash.hexString)" } ?? "no verified head"
    let counts = "\(entriesChecked) entries, \(checkpointsChecked) checkpoints checked, \(headText)"
    guard let problem else { return "intact: \(counts)" }
    return "NOT intact: \(problem) (\(counts))"
  }
}
