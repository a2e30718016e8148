import Foundation

/// A rectification of a recipient's identity record (GDPR art. 16): a new name or contact, next
/// of kin added or removed. Applying it makes a new version; the earlier ones stay readable
/// (invariant 8). Validated with the same rules as registration.
///
/// ```swift
/// let change = try RecipientChange(contact: .some("+47 400 00 000"))
/// try service.updateRecipient(id, change, expectedVersion: 1, as: actor, options: options)
/// ```
public struct RecipientChange: Sendable, Equatable {
  public let name: String?
  /// nil leaves the contact as it is; `.some(nil)` removes it.
  public let contact: String??
  public let addedRelatives: [NewRelative]
  public let removedRelatives: [RelativeID]
  /// When given (a JSON merge patch's whole `relatives` list), every current next of kin not
  /// in it is removed as well (`resolved(current:)`).
  public let keptRelatives: Set<RelativeID>?

  public init(
    name: String? = nil, contact: String?? = nil, addedRelatives: [NewRelative] = [],
    removedRelatives: [RelativeID] = [], keptRelatives: Set<RelativeID>? = nil
  ) throws(DomainError) {
    try NewRecipient.check(name: name, contact: contact ?? nil, relatives: addedRelatives)
    self.name = name
    self.contact = contact
    self.addedRelatives = addedRelatives
    self.removedRelatives = removedRelatives
    self.keptRelatives = keptRelatives
  }

  /// Nothing to change.
  public var isEmpty: Bool {
    name == nil && contact == nil && addedRelatives.isEmpty && removedRelatives.isEmpty
      && keptRelatives == nil
  }

  /// The change against the recipient's `current` next of kin: those not kept are removed.
  public func resolved(current: [RelativeID]) throws(DomainError) -> RecipientChange {
    guard let keptRelatives else { return self }
    let dropped = current.filter { !keptRelatives.contains($0) && !removedRelatives.contains($0) }
    return try RecipientChange(
      name: name, contact: contact, addedRelatives: addedRelatives,
      removedRelatives: removedRelatives + dropped)
  }

  /// What the change touches, as the version history names it: e.g. "contact, next of kin
  /// added".
  public var summary: String {
    var parts: [String] = []
    if name != nil { parts.append("name") }
    if contact != nil { parts.append("contact") }
    if !addedRelatives.isEmpty { parts.append("next of kin added") }
    if !removedRelatives.isEmpty { parts.append("next of kin removed") }
    return parts.joined(separator: ", ")
  }
}

/// One version of a recipient's identity record as it was: name, contact and the next of kin
/// recorded then, with what made it and who. The national id is not versioned: a wrong one
/// is a registration in error (erasure), not a rectification.
public struct RecipientVersion: Sendable, Equatable, Encodable {
  public let version: Int
  /// "registered" for the first version, else the change's summary.
  public let change: String
  /// Nil only where nobody is on record (recipients registered before rectification existed
  /// and never held by a staff member).
  public let changedBy: StaffID?
  public let changedAt: Date
  public let name: Protected<String>
  public let contact: Protected<String?>
  public let relatives: [Relative]

  public init(
    version: Int, change: String, changedBy: StaffID?, changedAt: Date, name: Protected<String>,
    contact: Protected<String?>, relatives: [Relative]
  ) {
    self.version = version
    self.change = change
    self.changedBy = changedBy
    self.changedAt = changedAt
    self.name = name
    self.contact = contact
    self.relatives = relatives
  }
}
