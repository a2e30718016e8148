import SamhandAudit

/// Each field of an event, with a change that always yields a different value.
enum EventField: String, CaseIterable, Sendable {
  case timeMillis, actor, actorService, action, resourceType, resourceID, recipientID
  case decision, policyIDs, purpose, breakGlass, requestID, channel, outcome
  /// Version 2's fields (a version-1 event does not encode them).
  case osUser, policyDigest

  func alter(_ event: inout AuditEvent) {
    switch self {
    case .timeMillis: event.timeMillis += 1
    case .actor: event.actor += "x"
    case .actorService: event.actorService = Self.altered(event.actorService)
    case .action: event.action += "x"
    case .resourceType: event.resourceType += "x"
    case .resourceID: event.resourceID = Self.altered(event.resourceID)
    case .recipientID: event.recipientID = Self.altered(event.recipientID)
    case .decision: event.decision = Self.following(event.decision)
    case .policyIDs:
      event.policyIDs = event.policyIDs.isEmpty ? ["forged-permit"] : event.policyIDs.dropLast()
    case .purpose: event.purpose = Self.altered(event.purpose)
    case .breakGlass: event.breakGlass.toggle()
    case .requestID: event.requestID += "x"
    case .channel: event.channel = Self.following(event.channel)
    case .outcome: event.outcome = Self.following(event.outcome)
    case .osUser: event.osUser = Self.altered(event.osUser)
    case .policyDigest: event.policyDigest = Self.altered(event.policyDigest)
    }
  }

  /// nil becomes "", text gets a letter more.
  private static func altered(_ text: String?) -> String? {
    text.map { $0 + "x" } ?? ""
  }

  private static func following<Value: CaseIterable & Equatable>(_ value: Value) -> Value {
    let all = Array(Value.allCases)
    let index = all.firstIndex(of: value) ?? 0
    return all[(index + 1) % all.count]
  }
}
