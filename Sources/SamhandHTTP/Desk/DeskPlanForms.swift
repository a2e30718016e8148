import Hummingbird
import SamhandCore
import SamhandService

/// The daily writes from a recipient's page: a goal, a measure, a revision of the plan, the
/// minutes of a group meeting with an action item, and a handover proposal. Each calls the
/// use case of the API route named beside it and goes back to the recipient's page (303), so
/// reloading never posts twice. A form that changes a plan or a group carries the version it
/// was rendered from (the API's `If-Match`): a stale one is refused (412), nothing changed.
struct DeskPlanForms {
  let service: SamhandService

  func add(to pages: RouterGroup<SamhandRequestContext>) {
    // POST /v1/plans/{planId}/goals
    pages.form("recipients/:recipientId/goals") { [service] _, context, visit in
      let recipient = try context.id("recipientId", RecipientKind.self)
      let form = visit.form
      let (plan, version) = (try Self.plan(form), try form.version())
      let domain = try LifeDomain(parsing: form.required("domain", label: "Livsområde"))
      let text = try Field.text(form.required("text", label: "Mål"), field: "text")
      let target = try Field.date(form.text("targetDate"), field: "targetDate")
      let goal = try NewGoal(domain: domain, text: text, targetDate: target)
      _ = try await Blocking.run {
        try service.addGoal(
          goal, to: plan, expectedVersion: version, as: visit.actor, options: visit.options)
      }
      return DeskPage.redirect("/desk/recipients/\(recipient)#plan")
    }
    // POST /v1/plans/{planId}/measures
    pages.form("recipients/:recipientId/measures") { [service] _, context, visit in
      let recipient = try context.id("recipientId", RecipientKind.self)
      let form = visit.form
      let (plan, version) = (try Self.plan(form), try form.version())
      let description = try Field.text(
        form.required("description", label: "Tiltak"), field: "description")
      let code = try Field.services(
        [form.required("service", label: "Ansvarlig tjeneste")], field: "service")[0]
      let contact = try form.text("contactPerson").map {
        try Field.staffID($0, field: "contactPerson")
      }
      let extent = try form.text("extent").map { try Field.text($0, field: "extent", max: 500) }
      let measure = try NewMeasure(
        description: description, responsibleService: code, contactPerson: contact,
        extent: extent)
      _ = try await Blocking.run {
        try service.addMeasure(
          measure, to: plan, expectedVersion: version, as: visit.actor, options: visit.options)
      }
      return DeskPage.redirect("/desk/recipients/\(recipient)#plan")
    }
    // POST /v1/plans/{planId}/revisions
    pages.form("recipients/:recipientId/revisions") { [service] _, context, visit in
      let recipient = try context.id("recipientId", RecipientKind.self)
      let form = visit.form
      let (plan, version) = (try Self.plan(form), try form.version())
      let evaluation = try Field.text(
        form.required("evaluation", label: "Evaluering"), field: "evaluation")
      let next = try Field.date(form.text("nextRevision"), field: "nextRevision")
      _ = try await Blocking.run {
        try service.revisePlan(
          plan, evaluation: evaluation, nextRevision: next, expectedVersion: version,
          as: visit.actor, options: visit.options)
      }
      return DeskPage.redirect("/desk/recipients/\(recipient)#plan")
    }
    // POST /v1/meetings/{meetingId}/minutes
    pages.form("recipients/:recipientId/minutes") { [service] _, context, visit in
      let recipient = try context.id("recipientId", RecipientKind.self)
      let form = visit.form
      let meetingText = try form.required("meetingId", label: "Møte")
      let version = try form.version()
      guard SamhandRequestContext.isID(meetingText, prefix: MeetingKind.prefix) else {
        throw Problem.invalid("meetingId", "'meetingId' must be a meeting id")
      }
      let minutes = try NewMinutes(
        text: Field.text(form.required("minutes", label: "Referat"), field: "minutes"),
        decisions: Self.lines(form.text("decisions")), actionItems: Self.actionItem(form))
      _ = try await Blocking.run {
        try service.recordMinutes(
          minutes, of: MeetingID(rawValue: meetingText), expectedVersion: version,
          as: visit.actor, options: visit.options)
      }
      return DeskPage.redirect("/desk/recipients/\(recipient)#group")
    }
    // POST /v1/recipients/{recipientId}/handovers
    pages.form("recipients/:recipientId/handovers") { [service] _, context, visit in
      let recipient = try context.id("recipientId", RecipientKind.self)
      let form = visit.form
      let toStaff = try form.text("toStaff").map { try Field.staffID($0, field: "toStaff") }
      let proposal = HandoverProposal(
        recipient: recipient, kind: try form.required("kind", label: "Type overgang"),
        mode: try form.required("mode", label: "Form"), toStaff: toStaff,
        toService: form.text("toService"),
        plannedDate: try form.required("plannedDate", label: "Planlagt dato"),
        notes: try form.text("notes").map { try Field.text($0, field: "notes") })
      _ = try await Blocking.run {
        try service.proposeHandover(proposal, as: visit.actor, options: visit.options)
      }
      return DeskPage.redirect("/desk/handovers")
    }
  }

  /// One decision per line of a text area.
  private static func lines(_ text: String?) -> [String] {
    (text ?? "").split(whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// The minutes form's one action item, when its text is filled in.
  private static func actionItem(_ form: DeskForm) throws -> [NewMinutes.Item] {
    guard let text = form.text("itemText") else { return [] }
    let owner = try form.required("itemOwner", label: "Ansvarlig")
    guard SamhandRequestContext.isID(owner, prefix: GroupMemberKind.prefix) else {
      throw Problem.invalid("itemOwner", "'itemOwner' must be a group member id")
    }
    guard let due = try Field.date(form.required("itemDue", label: "Frist"), field: "itemDue")
    else {
      return []
    }
    return [NewMinutes.Item(text: text, owner: GroupMemberID(rawValue: owner), due: due)]
  }

  private static func plan(_ form: DeskForm) throws -> PlanID {
    let text = try form.required("planId", label: "Plan")
    guard SamhandRequestContext.isID(text, prefix: PlanKind.prefix) else {
      throw Problem.invalid("planId", "'planId' must be a plan id")
    }
    return PlanID(rawValue: text)
  }
}
