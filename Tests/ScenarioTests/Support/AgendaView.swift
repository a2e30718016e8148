/// The agenda as `samhand agenda --json` and `GET /v1/agenda` print it.
struct AgendaView: Decodable {
  struct Item: Decodable, Equatable {
    let kind: String
    let recipient: String
    let subject: String
    let due: String
    let overdue: Bool
  }

  let today: String
  let items: [Item]
  let staffWarnings: [String]

  func items(_ kind: String, of recipient: String? = nil) -> [Item] {
    items.filter { $0.kind == kind && (recipient == nil || $0.recipient == recipient) }
  }
}
