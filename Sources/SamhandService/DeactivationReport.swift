import SamhandCore

/// What deactivating an account left open, so that the operator and the service's leaders
/// know which recipients and handovers need a coordinator-change (S4): nil warning when
/// nothing was open.
public struct DeactivationReport: Sendable, Equatable, Encodable {
  public let warning: String?
  /// The leaders who got the warning.
  public let leaders: [StaffID]

  static func warning(about staff: StaffID, held: [RecipientID], open: [Handover]) -> String {
    var parts: [String] = []
    if !held.isEmpty {
      parts.append(
        "holds responsibility for \(held.map(\.rawValue).joined(separator: ", "))")
    }
    if !open.isEmpty {
      parts.append(
        "has handovers not yet accepted: \(open.map(\.id.rawValue).joined(separator: ", "))")
    }
    return "\(staff) was deactivated but \(parts.joined(separator: " and ")); responsibility "
      + "stays with \(staff) until a coordinator-change handover is accepted"
  }
}
