/// A handover as `handover show --json` and `GET /v1/handovers/{id}` print it, with the
/// fields the scenarios check.
struct HandoverView: Decodable {
  struct Handover: Decodable {
    let kind: String
    let mode: String
    let toStaff: String?
    let toService: String
    let plannedDate: String
    let state: String
  }

  struct Item: Decodable {
    let key: String
    let doneBy: String?
  }

  let handover: Handover
  let checklist: [Item]
}
