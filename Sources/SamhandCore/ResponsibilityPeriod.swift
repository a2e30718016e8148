import Foundation

/// One stretch of responsibility for a recipient, ended or current: the history that
/// `Responsibility` (who holds it now) is the last line of. Exists for the recipient's copy of
/// everything held (GDPR art. 15).
public struct ResponsibilityPeriod: Sendable, Equatable, Encodable {
  public let staff: StaffID?
  public let service: ServiceCode
  public let since: Date
  /// Nil while it is current.
  public let until: Date?
  /// How it started: `registration`, `backfill` or `handover`.
  public let via: String
  public let viaHandover: String?

  public init(
    staff: StaffID?, service: ServiceCode, since: Date, until: Date?, via: String,
    viaHandover: String?
  ) {
    self.staff = staff
    self.service = service
    self.since = since
    self.until = until
    self.via = via
    self.viaHandover = viaHandover
  }
}
