import SamhandCore

/// `POST /v1/recipients/{recipientId}/notices` (schema `NewNotice`). The need is checked by
/// the service, which audits a refusal like any other attempt.
struct NewNoticeBody: StrictBody {
  let need: String
  let note: String?
  enum CodingKeys: String, CodingKey, CaseIterable { case need, note }
}

/// `POST /v1/notices/{noticeId}/assign` (schema `NoticeAssignment`).
struct NoticeAssignmentBody: StrictBody {
  let coordinator: String
  enum CodingKeys: String, CodingKey, CaseIterable { case coordinator }
}
