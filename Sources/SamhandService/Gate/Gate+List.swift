import Foundation
import SamhandAudit
import SamhandCore
import SamhandPolicy
import SamhandStore

extension Gate {
  /// List mode (DESIGN invariant 1, list form), on ONE read snapshot: resolve the
  /// actor; narrow the candidates in SQL to the recipients the policies in force could allow
  /// (`narrowing`); decide each candidate on the page with `judge`, as any single look is
  /// decided; refill the page from further candidates when the policies withhold some; read
  /// each allowed candidate (`read` may leave one out: a group whose meeting is not overdue).
  /// Then the audit entries are made durable before anything is answered: one per distinct
  /// record returned (the list's name as action) and one for the list itself (counts shown
  /// and withheld). A candidate withheld or left out leaves no entry in that recipient's
  /// access log: it was not looked at. A reserved list (`ListQuery.reserved`) the policies
  /// could allow the actor on no record at all is refused as a whole, audited as a denial.
  func list<Candidate, Item>(
    _ request: GateRequest, _ query: ListQuery<Candidate>, page: ListPageRequest,
    read: (StoreTransaction, Candidate) throws -> Item?
  ) throws -> ListPage<Item> {
    let now = clock.now
    let (entries, outcome): ([AuditEvent], Result<ListPage<Item>, ServiceError>) =
      try store.read { snapshot in
        let reader = try FactsReader.cached(accessCache, in: snapshot)
        guard try bearerHolds(request, in: snapshot, reader: reader, at: now),
          let staff = try reader.staff(request.actor.staffID, in: snapshot)
        else {
          return ([event(request, target: nil, decision: nil, at: now)], .failure(.unauthenticated))
        }
        let (visible, ruledOut) = narrowing(
          request, for: staff, categories: query.categories, at: now)
        if let ruledOut = ruledOut ?? (query.reserved != nil && visible.admitsNone ? [] : nil) {
          var denial = listEvent(
            request, query.name, after: page.after, shown: 0, withheld: 0,
            service: staff.services.first, at: now)
          (denial.decision, denial.outcome, denial.policyIDs) = (
            .deny, .denied, ruledOut.map(\.rawValue)
          )
          let empty = ListPage<Item>(items: [], next: nil)
          let refusal = query.reserved.map { request.refusal($0) }
          return (
            [denial],
            request.purpose.isEmpty
              ? .failure(.purposeRequired) : refusal.map { .failure($0) } ?? .success(empty)
          )
        }
        var listed = ListedCandidates<Candidate>()
        let limit = page.limit ?? Int.max
        var cursor = page.after
        var ended = false
        while listed.shown.count < limit, !ended {
          let batchSize = page.limit.map { max($0, 50) } ?? Int.max
          let batch = try query.fetch(snapshot, staff, visible, cursor, batchSize)
          ended = batch.count < batchSize
          for (index, candidate) in batch.enumerated() {
            cursor = query.key(candidate)
            try listed.consider(
              candidate, target: query.target(candidate),
              judge: { target in
                try judge(
                  request, notFound: .unauthenticated, in: snapshot, reader: reader,
                  resolve: { _ in target }, at: now)
              })
            if listed.shown.count == limit {
              ended = ended && index == batch.count - 1
              break
            }
          }
        }
        var items: [Item] = []
        var returned: Set<GateTarget> = []
        for candidate in listed.shown {
          guard let item = try read(snapshot, candidate) else { continue }
          items.append(item)
          returned.insert(query.target(candidate))
        }
        let summary = listEvent(
          request, query.name, after: page.after, shown: items.count,
          withheld: listed.withheld, service: staff.services.first, at: now)
        let next = ended ? nil : listed.shown.last.map(query.key)
        let looks = listed.entries.filter { returned.contains($0.target) }.map(\.entry)
        return (looks + [summary], .success(ListPage(items: items, next: next)))
      }
    if let deferred = request.deferredAudit {
      deferred.record(contentsOf: entries)
    } else {
      _ = try committer.write(store) { transaction in
        try transaction.appendAudit(contentsOf: entries)
      }
    }
    return try outcome.get()
  }

  /// Where the policies could allow `request`'s action on records of each category, as a
  /// condition the store applies to every candidate: the policy set evaluated with the
  /// principal, action and context known and the record unknown. A view is also narrowed as
  /// under emergency access where the actor holds a live grant, as `decide` decides it.
  /// `ruledOut` names the forbids that deny every record of every category, when there are
  /// such (an auditor asking for case content, a request with no purpose): the list itself is
  /// then denied.
  func narrowing(
    _ request: GateRequest, for staff: Staff, categories: [InformationCategory], at now: Date
  ) -> (RecipientNarrowing, ruledOut: [PolicyID]?) {
    let entities = AccessFacts.principalEntities(staff)
    var conditions: [InformationCategory: RecipientCondition] = [:]
    var ruledOut: Set<PolicyID> = []
    var everyCategoryRuledOut = true
    for category in Set(categories) {
      func residual(breakGlass: Bool) -> Residual {
        let authorization = Self.authorization(
          staff.id, request.action, .record(RecipientID(rawValue: ""), category),
          purpose: request.purpose, breakGlass: breakGlass, assignTarget: nil, at: now)
        let partial = PartialRequest(
          principal: authorization.principal, action: authorization.action,
          resourceType: "Record", knownResourceAttributes: ["category": .string(category.rawValue)],
          context: authorization.context)
        let decision = decider.residual(for: partial, entities: entities)
        let (allow, widenings) = decision.allow { AccessFacts.condition(for: $0) != nil }
        listWarnings.record(widenings)
        let unconditional = decision.forbids.filter { $0.residual == .constant(true) }
        if !breakGlass { ruledOut.formUnion(unconditional.map(\.policyID)) }
        return allow
      }
      var allowed = residual(breakGlass: false)
      if request.action == .view {
        let holdsGrant = Residual.test(
          AttributeTest(
            path: ["recipient", "breakGlass"],
            kind: .includesAny([.entity(.staff(staff.id))])))
        allowed = allowed || (holdsGrant && residual(breakGlass: true))
      }
      conditions[category] = AccessFacts.condition(for: allowed)
      if allowed != .constant(false) { everyCategoryRuledOut = false }
    }
    let denied = everyCategoryRuledOut && !ruledOut.isEmpty
    return (RecipientNarrowing(conditions, at: now), denied ? ruledOut.sorted() : nil)
  }

  /// The entry for the list itself: which list, from where, how many shown and withheld.
  private func listEvent(
    _ request: GateRequest, _ name: String, after: String?, shown: Int, withheld: Int,
    service: ServiceCode?, at now: Date
  ) -> AuditEvent {
    var entry = event(request, target: nil, decision: nil, service: service, at: now)
    entry.resourceType = "list"
    entry.resourceID = "\(name) after=\(after ?? "-") shown=\(shown) withheld=\(withheld)"
    entry.decision = .allow
    entry.outcome = .success
    return entry
  }
}

/// What a list has decided so far: the candidates shown, one audit entry per distinct target
/// shown, and how many distinct targets the policies withheld.
private struct ListedCandidates<Candidate> {
  var shown: [Candidate] = []
  var entries: [(target: GateTarget, entry: AuditEvent)] = []
  var withheld = 0
  private var decided: [GateTarget: Bool] = [:]

  mutating func consider(
    _ candidate: Candidate, target: GateTarget,
    judge: (GateTarget) throws -> Gate.Judgement
  ) throws {
    if decided[target] == nil {
      switch try judge(target) {
      case .allowed(let entry, _):
        decided[target] = true
        entries.append((target, entry))
      case .refused:
        decided[target] = false
        withheld += 1
      }
    }
    if decided[target] == true { shown.append(candidate) }
  }
}
