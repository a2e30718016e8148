import Foundation

/// A staff member assigned to a recipient: a care relationship of its own (ended, never
/// deleted), kept so the recipient's copy of everything held shows who was given access and
/// when it ended.
public struct Assignment: Sendable, Equatable, Encodable {
  public let staffID: StaffID
  public let assignedBy: StaffID
  public let assignedAt: Date
  public let endedAt: Date?
  public let endedBy: StaffID?

  public init(
    staffID: StaffID, assignedBy: StaffID, assignedAt: Date, endedAt: Date?, endedBy: StaffID?
  ) {
    self.staffID = staffID
    self.assignedBy = assignedBy
    self.assignedAt = assignedAt
    self.endedAt = endedAt
    self.endedBy = endedBy
  }
}
