import SamhandPolicy

/// A realistic fictional municipality for the benchmark: six services with teams (hierarchy
/// depth 3: staff → team → service → municipality), roles, recipients with records, about 50
/// policies and a mix of requests.
struct Corpus {
  let policyText: String
  let entities: [Entity]
  let requests: [AuthorizationRequest]

  static let services = ["nav", "tsb", "gp", "spec", "cw", "kri"]
  static let roles = ["caseworker", "nurse", "doctor", "coordinator", "leader"]
  static let actions = [
    "readIdentity", "readPlan", "writePlan", "readJournal", "writeJournal", "readGroup",
    "assign", "breakGlass",
  ]

  static func uid(_ type: String, _ id: String) -> EntityUID { EntityUID(type: type, id: id) }

  init(seed: UInt64, staffCount: Int = 300, recipientCount: Int = 120, requestCount: Int) {
    var random = Xorshift(seed: seed)
    var entities: [Entity] = [Entity(uid: Self.uid("Municipality", "m"))]
    for service in Self.services {
      entities.append(
        Entity(uid: Self.uid("Service", service), parents: [Self.uid("Municipality", "m")]))
      for team in 0..<3 {
        entities.append(
          Entity(
            uid: Self.uid("Team", "\(service)-\(team)"), parents: [Self.uid("Service", service)]))
      }
    }
    entities += Self.roles.map { Entity(uid: Self.uid("Role", $0)) }
    entities += Self.actionEntities()
    var staff: [EntityUID] = []
    for index in 0..<staffCount {
      let uid = Self.uid("Staff", "s\(index)")
      staff.append(uid)
      let team = "\(random.pick(Self.services))-\(Int.random(in: 0..<3, using: &random))"
      var parents: Set<EntityUID> = [
        Self.uid("Team", team), Self.uid("Role", random.pick(Self.roles)),
      ]
      if random.chance(0.2) { parents.insert(Self.uid("Role", random.pick(Self.roles))) }
      entities.append(
        Entity(
          uid: uid, attributes: ["level": .long(Int64.random(in: 1...5, using: &random))],
          parents: parents))
    }
    var resources: [EntityUID] = []
    for index in 0..<recipientCount {
      let uid = Self.uid("Recipient", "r\(index)")
      resources.append(uid)
      let services = Set(
        Self.services.filter { _ in random.chance(0.4) }.map {
          CedarValue.entity(Self.uid("Service", $0))
        })
      var attributes: [String: CedarValue] = [
        "services": .set(services), "coordinator": .entity(random.pick(staff)),
        "categories": .set(
          Set(
            ["identity", "plan", "group"].filter { _ in random.chance(0.6) }
              .map { CedarValue.string($0) })),
      ]
      if random.chance(0.1) { attributes["blockedStaff"] = .set([.entity(random.pick(staff))]) }
      entities.append(Entity(uid: uid, attributes: attributes))
      let record = Self.uid("Record", "r\(index)-journal")
      resources.append(record)
      entities.append(
        Entity(
          uid: record,
          attributes: ["service": .entity(Self.uid("Service", random.pick(Self.services)))],
          parents: [uid]))
    }
    self.entities = entities
    self.policyText = Self.policies()
    self.requests = (0..<requestCount).map { _ in
      AuthorizationRequest(
        principal: random.pick(staff), action: Self.uid("Action", random.pick(Self.actions)),
        resource: random.pick(resources),
        context: [
          "consent": .bool(random.chance(0.8)), "breakGlass": .bool(random.chance(0.05)),
          "purpose": .string(random.pick(["treatment", "follow-up", "audit", "statistics"])),
        ])
    }
  }

  private static func actionEntities() -> [Entity] {
    let read = uid("Action", "read")
    let write = uid("Action", "write")
    var result = [Entity(uid: read), Entity(uid: write)]
    for action in actions {
      result.append(
        Entity(uid: uid("Action", action), parents: action.hasPrefix("write") ? [write] : [read]))
    }
    return result
  }

  /// Seven policies per service plus shared rules: 49 policies.
  static func policies() -> String {
    var text = """
      @id("blocked-staff")
      forbid(principal, action, resource is Recipient)
      when { resource has blockedStaff && resource.blockedStaff.contains(principal) };
      @id("no-consent")
      forbid(principal, action in Action::"read", resource is Recipient)
      unless { context.consent || context.breakGlass };
      @id("break-glass")
      permit(principal in Role::"doctor", action in Action::"read", resource)
      when { context.breakGlass && context.purpose == "treatment" };
      @id("coordinator")
      permit(principal, action in [Action::"readPlan", Action::"writePlan"], resource is Recipient)
      when { resource.coordinator == principal };
      @id("leader-assign")
      permit(principal in Role::"leader", action == Action::"assign", resource is Recipient);
      @id("statistics")
      forbid(principal, action in Action::"write", resource) when { context.purpose == "statistics" };
      @id("audit-read")
      permit(principal in Role::"leader", action == Action::"readIdentity", resource)
      when { context.purpose == "audit" };

      """
    for service in services {
      text += """
        @id("\(service)-identity")
        permit(principal in Service::"\(service)", action == Action::"readIdentity", resource is Recipient)
        when { resource.services.contains(Service::"\(service)") && resource.categories.contains("identity") };
        @id("\(service)-plan-read")
        permit(principal in Service::"\(service)", action == Action::"readPlan", resource is Recipient)
        when { resource.services.contains(Service::"\(service)") && resource.categories.contains("plan") };
        @id("\(service)-plan-write")
        permit(principal in Service::"\(service)", action == Action::"writePlan", resource is Recipient)
        when { resource.services.contains(Service::"\(service)") && principal.level >= 3 };
        @id("\(service)-journal-read")
        permit(principal in Service::"\(service)", action == Action::"readJournal", resource is Record)
        when { resource.service == Service::"\(service)" && context.purpose like "*treat*" };
        @id("\(service)-journal-write")
        permit(principal in Service::"\(service)", action == Action::"writeJournal", resource is Record)
        when { resource.service == Service::"\(service)" && (principal in Role::"nurse" || principal in Role::"doctor") };
        @id("\(service)-group")
        permit(principal in Service::"\(service)", action == Action::"readGroup", resource is Recipient)
        when { resource.categories.containsAll(["group", "plan"]) && resource.services.containsAny([Service::"\(service)", Service::"gp"]) };
        @id("\(service)-team-lead")
        permit(principal in Team::"\(service)-0", action in Action::"read", resource)
        when { principal in Role::"leader" && principal.level > 3 };

        """
    }
    return text
  }
}

/// Xorshift64*: a seeded generator so the corpus is the same on every run.
struct Xorshift: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed == 0 ? 1 : seed }

  mutating func next() -> UInt64 {
    state ^= state >> 12
    state ^= state << 25
    state ^= state >> 27
    return state &* 2_685_821_657_736_338_717
  }

  mutating func chance(_ probability: Double) -> Bool {
    Double.random(in: 0..<1, using: &self) < probability
  }

  mutating func pick<T>(_ items: [T]) -> T {
    items[Int.random(in: 0..<items.count, using: &self)]
  }
}
