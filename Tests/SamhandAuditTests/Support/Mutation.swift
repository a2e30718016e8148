import Crypto
import Foundation
import SamhandAudit
import SamhandTestSupport

/// One tampering with a stored log, as an attacker with write access to the database (but
/// not to the signing key) could do it.
enum Mutation: CustomStringConvertible {
  enum CheckpointPart: CaseIterable {
    case sequence, headHash, timeMillis, keyID, signature
  }

  case changeField(index: Int, field: EventField)
  case changeStoredHash(index: Int, byte: Int)
  case changeSequence(index: Int, to: Int64)
  case delete(index: Int)
  /// A forged entry claiming the sequence of the entry at `index`, hashed correctly from the
  /// entry before it, stored before or after the original.
  case insertForged(index: Int, afterOriginal: Bool)
  case swap(first: Int, second: Int, swapSequences: Bool)
  case truncate(keep: Int)
  /// Changes the entry at `index` and recomputes every hash from there to the end.
  case rewriteChain(from: Int)
  case alterCheckpoint(index: Int, part: CheckpointPart)
  /// A checkpoint over a real head, signed with a key the verifier does not trust.
  case forgeCheckpoint(index: Int, claimingRealKeyID: Bool)

  var description: String {
    switch self {
    case .changeField(let index, let field): "change \(field) of entry at \(index)"
    case .changeStoredHash(let index, let byte): "flip byte \(byte) of stored hash at \(index)"
    case .changeSequence(let index, let to): "set sequence of entry at \(index) to \(to)"
    case .delete(let index): "delete entry at \(index)"
    case .insertForged(let index, let after): "insert forged entry at \(index), after: \(after)"
    case .swap(let first, let second, let swap): "swap \(first) and \(second), sequences: \(swap)"
    case .truncate(let keep): "truncate to \(keep) entries"
    case .rewriteChain(let from): "rewrite the chain from \(from)"
    case .alterCheckpoint(let index, let part): "alter \(part) of checkpoint \(index)"
    case .forgeCheckpoint(let index, let real): "forge checkpoint at \(index), real id: \(real)"
    }
  }

  static func random(for log: AuditLog, using rng: inout SplitMix64) -> Mutation {
    let count = log.entries.count
    let index = Int.random(in: 0..<count, using: &rng)
    switch Int.random(in: 0..<10, using: &rng) {
    case 0:
      return .changeField(index: index, field: pick(EventField.allCases, &rng))
    case 1: return .changeStoredHash(index: index, byte: Int.random(in: 0..<32, using: &rng))
    case 2:
      var target = Int64.random(in: -5...Int64(count + 5), using: &rng)
      if target == log.entries[index].sequence { target += 1 }
      return .changeSequence(index: index, to: target)
    case 3: return .delete(index: index)
    case 4: return .insertForged(index: index, afterOriginal: Bool.random(using: &rng))
    case 5:
      var other = Int.random(in: 0..<count - 1, using: &rng)
      if other >= index { other += 1 }
      return .swap(
        first: min(index, other), second: max(index, other),
        swapSequences: Bool.random(using: &rng))
    case 6:
      let lastCheckpoint = Int(log.checkpoints.last?.sequence ?? 1)
      return .truncate(keep: Int.random(in: 0..<lastCheckpoint, using: &rng))
    case 7: return .rewriteChain(from: index)
    case 8:
      return .alterCheckpoint(
        index: Int.random(in: 0..<log.checkpoints.count, using: &rng),
        part: pick(CheckpointPart.allCases, &rng))
    default: return .forgeCheckpoint(index: index, claimingRealKeyID: Bool.random(using: &rng))
    }
  }

  private static func pick<Element>(_ all: [Element], _ rng: inout SplitMix64) -> Element {
    all[Int.random(in: 0..<all.count, using: &rng)]
  }

  /// The kind and sequence the verifier should report; nil sequence: not checked.
  func expected(in log: AuditLog) -> (kind: AuditProblemKind, sequence: Int64?) {
    switch self {
    case .changeField(let index, _), .changeStoredHash(let index, _),
      .changeSequence(let index, _):
      return (.changed, Int64(index + 1))
    case .delete(let index):
      return index == log.entries.count - 1
        ? (.truncated, Int64(index + 1)) : (.missing, Int64(index + 1))
    case .insertForged: return (.inserted, nil)
    case .swap(let first, _, _): return (.reordered, Int64(first + 1))
    case .truncate(let keep): return (.truncated, Int64(keep + 1))
    case .rewriteChain(let from):
      let checkpoint = log.checkpoints.first { $0.sequence > Int64(from) }
      return (.changed, checkpoint?.sequence)
    case .alterCheckpoint, .forgeCheckpoint: return (.badCheckpoint, nil)
    }
  }

  func apply(to log: AuditLog) -> AuditLog {
    var entries = log.entries
    var checkpoints = log.checkpoints
    switch self {
    case .changeField(let index, let field):
      var event = entries[index].event
      field.alter(&event)
      entries[index] = AuditEntry(
        sequence: entries[index].sequence, event: event, hash: entries[index].hash)
    case .changeStoredHash(let index, let byte):
      var hash = entries[index].hash
      hash[byte] ^= 0x01
      entries[index] = AuditEntry(
        sequence: entries[index].sequence, event: entries[index].event, hash: hash)
    case .changeSequence(let index, let to):
      entries[index] = AuditEntry(
        sequence: to, event: entries[index].event, hash: entries[index].hash)
    case .delete(let index):
      entries.remove(at: index)
    case .insertForged(let index, let afterOriginal):
      var event = Fixtures.event(index)
      event.actor = "staff-forger"
      event.requestID = "req-forged-\(index)"
      let sequence = entries[index].sequence
      let previous = index == 0 ? AuditChain.genesisHash : entries[index - 1].hash
      let hash = AuditChain.hash(previous: previous, sequence: sequence, event: event)
      entries.insert(
        AuditEntry(sequence: sequence, event: event, hash: hash),
        at: afterOriginal ? index + 1 : index)
    case .swap(let first, let second, let swapSequences):
      let (a, b) = (entries[first], entries[second])
      entries[first] =
        swapSequences ? AuditEntry(sequence: a.sequence, event: b.event, hash: b.hash) : b
      entries[second] =
        swapSequences ? AuditEntry(sequence: b.sequence, event: a.event, hash: a.hash) : a
    case .truncate(let keep):
      entries.removeSubrange(keep...)
    case .rewriteChain(let from):
      var event = entries[from].event
      event.decision = event.decision == .allow ? .deny : .allow
      var head = from == 0 ? nil : entries[from - 1].head
      for index in from..<entries.count {
        let entry = AuditChain.append(index == from ? event : entries[index].event, after: head)
        entries[index] = entry
        head = entry.head
      }
    case .alterCheckpoint(let index, let part):
      checkpoints[index] = part.alter(checkpoints[index])
    case .forgeCheckpoint(let index, let claimingRealKeyID):
      let forger = Fixtures.fixedKey(seedByte: 66)
      let keyID = claimingRealKeyID ? Fixtures.keyID : "audit-forged"
      let forged = try? AuditCheckpoint.sign(
        head: entries[index].head, timeMillis: 1, keyID: keyID, key: forger)
      checkpoints.append(contentsOf: forged.map { [$0] } ?? [])
    }
    return AuditLog(entries: entries, checkpoints: checkpoints)
  }
}

extension Mutation.CheckpointPart {
  func alter(_ checkpoint: AuditCheckpoint) -> AuditCheckpoint {
    var sequence = checkpoint.sequence
    var headHash = checkpoint.headHash
    var timeMillis = checkpoint.timeMillis
    var keyID = checkpoint.keyID
    var signature = checkpoint.signature
    switch self {
    case .sequence: sequence += 100
    case .headHash: headHash[5] ^= 0x10
    case .timeMillis: timeMillis -= 1
    case .keyID: keyID = "audit-0"
    case .signature: signature[17] ^= 0x04
    }
    return AuditCheckpoint(
      sequence: sequence, headHash: headHash, timeMillis: timeMillis, keyID: keyID,
      signature: signature)
  }
}
