import Foundation
import SamhandCore
import SamhandStore

/// The plan as a readable document for the recipient to keep, with Norwegian labels
/// (`samhand plan export PLAN-ID --format md|html`). HTML output escapes every value.
extension SamhandService {
  /// Renders the plan; gated and audited as a read of the plan (`plan.export`).
  public func exportPlan(
    _ id: PlanID, format: DocumentFormat, as actor: Actor, options: RequestOptions
  ) throws -> String {
    let (plan, names) = try gatePlan(id, request(actor, .view, "plan.export", options)) {
      transaction, _ in
      guard let plan = try transaction.plan(id) else {
        throw ServiceError.notFound(kind: "plan", id: id.rawValue)
      }
      let staff = Set(plan.coordinators.map(\.staffID) + plan.measures.compactMap(\.contactPerson))
      var names: [StaffID: String] = [:]
      for member in staff { names[member] = try transaction.staff(member)?.name }
      return (plan, names)
    }
    return TextDocument(
      title: "Individuell plan", blocks: PlanDocument(plan: plan, staffNames: names).blocks
    ).render(format)
  }
}

/// The plan document's sections as blocks.
struct PlanDocument {
  typealias Block = TextDocument.Block

  let plan: Plan
  let staffNames: [StaffID: String]

  var blocks: [Block] {
    let content = plan.content
    let period =
      content.periodFrom == nil && content.periodUntil == nil
      ? "–"
      : "\(content.periodFrom?.description ?? "") – \(content.periodUntil?.description ?? "")"
    var blocks: [Block] = [
      .heading("Individuell plan"), .field("Status", Self.label(plan.status)),
      .field("Koordinator", name(plan.coordinator)), .field("Planperiode", period),
      .field("Neste evaluering", content.nextRevision?.description ?? "–"),
    ]
    blocks += section("Hva er viktig for meg", [.item(text(content.ownWords))])
    blocks += section(
      "Mål",
      plan.goals.map { goal in
        let target = goal.targetDate.map { ", innen \($0)" } ?? ""
        return .item("\(goal.domain.label): \(goal.text) (\(goal.status.label)\(target))")
      })
    blocks += section("Tiltak", plan.measures.flatMap(measureBlocks))
    blocks += section("Barn som pårørende", [.item(text(content.childrenNote))])
    blocks += section(
      "Andre planer og avtaler", plan.references.map { .item("\($0.kind.label): \($0.reference)") })
    blocks += section(
      "Kommentarer",
      plan.comments.map { .item("\($0.author == .recipient ? "Bruker" : "Pårørende"): \($0.text)") }
    )
    blocks += section(
      "Evalueringer", plan.revisions.map { .item("\($0.revisedOn): \($0.evaluation)") })
    return blocks
  }

  /// A heading and its items, or a dash when there are none.
  private func section(_ title: String, _ items: [Block]) -> [Block] {
    [.heading(title)] + (items.isEmpty ? [.item("–")] : items)
  }

  private func measureBlocks(_ measure: Measure) -> [Block] {
    let kind = measure.kind == .contract ? "Ruskontrakt" : "Tiltak"
    var parts = ["\(kind): \(measure.description)", "ansvarlig: \(measure.responsibleService)"]
    if let contact = measure.contactPerson { parts.append("kontaktperson: \(name(contact))") }
    if case .value(let extent?) = measure.extent { parts.append("omfang: \(extent)") }
    if let start = measure.start { parts.append("fra \(start)") }
    if let end = measure.end { parts.append("til \(end)") }
    parts.append("status: \(measure.status.label)")
    let elements = measure.elements.map { element in
      Block.item("  \(element.kind.label): \(text(element.frequency))")
    }
    return [.item(parts.joined(separator: ", "))] + elements
  }

  private func name(_ staff: StaffID) -> String { staffNames[staff] ?? staff.rawValue }

  private func text(_ value: Protected<String?>) -> String {
    switch value {
    case .value(let text?): return text
    case .value(nil): return "–"
    case .erased: return Protected<String>.erasedMarker
    }
  }

  static func label(_ status: Plan.Status) -> String {
    switch status {
    case .draft: return "Utkast"
    case .active: return "Aktiv"
    case .closed: return "Avsluttet"
    }
  }
}
