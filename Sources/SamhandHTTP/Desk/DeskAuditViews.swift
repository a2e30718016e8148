import Foundation
import Hummingbird
import SamhandAudit
import SamhandCore
import SamhandService

struct AccessLogView {
  let recipientId: String
  let entries: [AccessLogRow]
}

struct AccessLogRow {
  let time: String
  let staff: String
  let service: String
  let action: String
  let purpose: String
  let breakGlass: Bool
  let allowed: Bool

  init(_ entry: AccessLogEntry) {
    time = DeskText.time(entry.time)
    staff = entry.staffName.map { "\($0) (\(entry.staffID))" } ?? entry.staffID
    service = entry.service ?? ""
    action = entry.action
    purpose = entry.purpose ?? ""
    breakGlass = entry.breakGlass
    allowed = entry.allowed
  }
}

struct BreakGlassRow {
  let id: String
  let recipientId: String
  let staffId: String
  let reason: String
  let grantedAt: String
  let expiresAt: String
  let reviewed: Bool

  init(_ grant: BreakGlassGrant) {
    id = grant.id.rawValue
    recipientId = grant.recipientID.rawValue
    staffId = grant.staffID.rawValue
    reason = grant.reason.text
    grantedAt = DeskText.time(grant.grantedAt)
    expiresAt = DeskText.time(grant.expiresAt)
    reviewed = grant.reviewedAt != nil
  }
}

/// Whether the audit log verified, how far, and its newest signed checkpoint.
struct VerifyView {
  let intact: Bool
  let entriesChecked: Int64
  let checkpointsChecked: Int
  let problem: String?
  let origin: String
  let treeSize: Int64
  let newestCheckpointSize: Int64?
  let unsignedEntries: Int64

  init(_ report: AuditVerificationReport, tree: InstallationStatus.AuditTree) {
    intact = report.intact
    entriesChecked = report.entriesChecked
    checkpointsChecked = report.checkpointsChecked
    problem = report.problem?.description
    origin = tree.origin
    treeSize = tree.treeSize
    newestCheckpointSize = tree.newestCheckpointSize
    unsignedEntries = tree.unsignedEntries
  }
}

/// Whom one staff member looked at over a period (Oslo dates, `from` included, `to`
/// included as a whole day).
struct StaffLookView {
  struct Period {
    let from: String
    let to: String
    let start: Date
    let end: Date

    /// From `from` and `to` (YYYY-MM-DD); the last 30 days when absent.
    init(_ request: Request, today: CalendarDate) throws {
      let query = request.uri.queryParameters
      let from = try Field.date(query.get("from").map { String($0) }, field: "from")
      let to = try Field.date(query.get("to").map { String($0) }, field: "to")
      let last = to ?? today
      let first = from ?? last.adding(days: -30)
      guard first <= last else { throw Problem.invalid("from", "'from' must not be after 'to'") }
      self.from = first.description
      self.to = last.description
      start = first.start
      end = last.adding(days: 1).start
    }
  }

  let staff: String
  let from: String
  let to: String
  let entries: [StaffLookRow]
  let searched: Bool

  static let empty = StaffLookView(staff: "", from: "", to: "", entries: [], searched: false)

  init(staff: String, from: String, to: String, entries: [StaffLookRow], searched: Bool) {
    self.staff = staff
    self.from = from
    self.to = to
    self.entries = entries
    self.searched = searched
  }

  init(staff: String, period: Period, entries: [StaffAccessEntry]) {
    self.init(
      staff: staff, from: period.from, to: period.to, entries: entries.map(StaffLookRow.init),
      searched: true)
  }
}

struct StaffLookRow {
  let time: String
  let recipientId: String
  let action: String
  let purpose: String
  let breakGlass: Bool
  let allowed: Bool

  init(_ entry: StaffAccessEntry) {
    time = DeskText.time(entry.time)
    recipientId = entry.recipientId
    action = entry.action
    purpose = entry.purpose ?? ""
    breakGlass = entry.breakGlass
    allowed = entry.allowed
  }
}
