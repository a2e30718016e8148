import Foundation

/// A legal hold on a recipient's record (it must be kept, whatever the retention period says),
/// set and cleared by a leader; cleared holds stay as history.
public struct LegalHold: Sendable, Equatable, Encodable {
  public let setBy: StaffID
  public let setAt: Date
  public let clearedBy: StaffID?
  public let clearedAt: Date?

  public init(setBy: StaffID, setAt: Date, clearedBy: StaffID?, clearedAt: Date?) {
    self.setBy = setBy
    self.setAt = setAt
    self.clearedBy = clearedBy
    self.clearedAt = clearedAt
  }
}
