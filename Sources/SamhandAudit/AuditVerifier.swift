import Crypto
import Foundation

/// Proves an audit log complete and untouched from the entries, the checkpoints and the
/// public keys alone, without the running server.
///
/// Feed the entries in the order the store holds them, normally ascending sequence (with
/// `sequence INTEGER PRIMARY KEY` that is also rowid order). The verifier never sorts: it
/// expects 1, 2, 3, … and reports any other order, so rewriting sequence numbers is detected
/// whichever order the store reads in. Memory stays constant apart from the checkpoints.
///
/// What it cannot see: entries removed from the end of the log after its last checkpoint look
/// like a log that was never longer. The store therefore writes a checkpoint regularly and on
/// shutdown; whatever was appended after the last checkpoint is only as safe as the database.
///
/// Checkpoint signatures do not depend on the chain, so the walk only records which
/// checkpoints it reached (and the head at each); their signatures are checked on another core
/// while a batch is hashed (`feed(contentsOf:)`), or at `finish()` for what is left. Either
/// way the report names the first problem in log order: a bad signature at a checkpoint the
/// walk reached comes before anything the walk found after it.
///
/// ```swift
/// var verifier = AuditVerifier(checkpoints: checkpoints, publicKeys: ["audit-1": key])
/// for entry in entries { verifier.feed(entry) }   // or: await verifier.feed(contentsOf: batch)
/// let report = verifier.finish()   // report.intact, report.problem
/// ```
public struct AuditVerifier: Sendable {
  enum State: Sendable {
    case verifying
    case diagnosing(AuditDiagnosis)
    case settled(AuditProblem)
  }

  /// Sorted by sequence.
  let checkpoints: [AuditCheckpoint]
  /// Raw public keys by key id (kept as bytes: the key type is not `Sendable`).
  let publicKeys: [String: Data]
  var nextCheckpoint = 0
  var checkpointsChecked = 0
  var rowsFed: Int64 = 0
  /// The last entry that verified (0 before the first) and its hash.
  var lastSequence: Int64 = 0
  var lastHash = ChainHash.zero
  /// The hash the last verified entry chained from.
  var hashBeforeLast = ChainHash.zero
  var state = State.verifying
  var buffer: [UInt8] = []
  /// Entries per chunk of a batch's two-core walk (tests set small ones).
  var chunkSize = AuditVerifier.defaultChunkSize
  /// The head at each checkpoint the walk reached, by checkpoint index: the checkpoints
  /// `0..<headsAtCheckpoints.count`, whose signatures are still to be judged.
  var headsAtCheckpoints: [ChainPosition] = []
  /// Checkpoints `0..<signaturesChecked` have had their signatures checked, up to and
  /// including the first that failed.
  var signaturesChecked = 0
  var signatureFailure: SignatureFailure?

  public init(checkpoints: [AuditCheckpoint], publicKeys: [String: Curve25519.Signing.PublicKey]) {
    self.checkpoints = checkpoints.sorted { $0.sequence < $1.sequence }
    self.publicKeys = publicKeys.mapValues(\.rawRepresentation)
  }

  /// Checks the next stored entry. After the first problem, later entries only serve to
  /// classify it.
  public mutating func feed(_ entry: AuditEntry) {
    rowsFed += 1
    guard case .verifying = state else {
      continueDiagnosis(with: entry)
      return
    }
    let expected = lastSequence &+ 1
    guard entry.sequence == expected else {
      beginDiagnosis(at: entry, expected: expected)
      return
    }
    let computed = AuditChain.chainHash(
      previous: lastHash, sequence: expected, event: entry.event, buffer: &buffer)
    guard entry.inlineHash == computed else {
      beginDiagnosis(at: entry, expected: expected)
      return
    }
    hashBeforeLast = lastHash
    lastHash = computed
    lastSequence = expected
    if nextCheckpoint < checkpoints.count, checkpoints[nextCheckpoint].sequence <= expected {
      checkCheckpoints(reachedBy: entry)
    }
  }

  /// Records a row the store could not decode (for example a mutated enum value).
  public mutating func feedUndecodable(sequence: Int64?, reason: String) {
    rowsFed += 1
    switch state {
    case .verifying:
      let row = sequence.map { "the row with sequence \($0)" } ?? "a row"
      settle(
        .undecodable, at: sequence ?? lastSequence &+ 1,
        "\(row) could not be decoded (\(reason)); it was altered in the database")
    case .diagnosing(let diagnosis):
      state = .settled(diagnosis.conclusion())
    case .settled:
      break
    }
  }

  /// The verdict over everything fed so far, checkpoints beyond the last entry included.
  /// Checks the signatures of the reached checkpoints that `feed(contentsOf:)` has not.
  public func finish() -> AuditVerificationReport {
    var walkProblem: AuditProblem?
    var reached = headsAtCheckpoints
    switch state {
    case .verifying:
      walkProblem = problemOfCheckpointsBeyondEnd()
      if nextCheckpoint < checkpoints.count {
        reached.append(ChainPosition(sequence: lastSequence, hash: lastHash))
      }
    case .diagnosing(let diagnosis): walkProblem = diagnosis.conclusion()
    case .settled(let settled): walkProblem = settled
    }
    let failure =
      signatureFailure
      ?? Self.firstSignatureFailure(
        of: checkpoints, in: signaturesChecked..<max(signaturesChecked, reached.count),
        publicKeys: publicKeys)
    guard let failure, failure.index < reached.count else {
      return report(problem: walkProblem, checked: checkpointsChecked, head: lastPosition)
    }
    return report(problem: failure.problem, checked: failure.index, head: reached[failure.index])
  }

  private var lastPosition: ChainPosition {
    ChainPosition(sequence: lastSequence, hash: lastHash)
  }

  private func report(
    problem: AuditProblem?, checked: Int, head: ChainPosition
  ) -> AuditVerificationReport {
    AuditVerificationReport(
      intact: problem == nil, entriesChecked: rowsFed, checkpointsChecked: checked,
      head: head.sequence > 0 ? AuditHead(sequence: head.sequence, hash: head.hash.data) : nil,
      problem: problem)
  }
}
