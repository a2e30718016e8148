import Foundation

/// A measure (tiltak): what one service does towards the plan's goals, with a contact person,
/// an extent and a period (L1). A substance contract (ruskontrakt) is a measure of kind
/// `contract` carrying its elements: tests, the group, follow-up talks.
///
/// ```swift
/// let talks = try NewMeasure(
///   kind: .service, description: "Samtaler", responsibleService: phr, goals: [goal])
/// ```
public struct Measure: Sendable, Equatable, Encodable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case service, contract
  }

  public enum Status: String, Sendable, Codable, CaseIterable, PlanVocabulary {
    case planned, ongoing, completed, stopped

    public static let fieldName = "measure status"

    /// The bokmål label.
    public var label: String {
      switch self {
      case .planned: return "Planlagt"
      case .ongoing: return "Pågår"
      case .completed: return "Fullført"
      case .stopped: return "Avbrutt"
      }
    }
  }

  public let id: MeasureID
  public let kind: Kind
  public let description: Protected<String>
  public let responsibleService: ServiceCode
  public let contactPerson: StaffID?
  public let extent: Protected<String?>
  public let start: CalendarDate?
  public let end: CalendarDate?
  public let status: Status
  public let goals: [GoalID]
  public let elements: [ContractElement]

  public init(
    id: MeasureID, kind: Kind, description: Protected<String>, responsibleService: ServiceCode,
    contactPerson: StaffID?, extent: Protected<String?>, start: CalendarDate?, end: CalendarDate?,
    status: Status, goals: [GoalID], elements: [ContractElement]
  ) {
    self.id = id
    self.kind = kind
    self.description = description
    self.responsibleService = responsibleService
    self.contactPerson = contactPerson
    self.extent = extent
    self.start = start
    self.end = end
    self.status = status
    self.goals = goals
    self.elements = elements
  }
}

/// One element of a substance contract and how often it happens ("every two weeks").
public struct ContractElement: Sendable, Equatable, Encodable {
  public enum Kind: String, Sendable, Codable, CaseIterable, PlanVocabulary {
    case urineTest = "urine-test"
    case group
    case followUpTalk = "follow-up-talk"
    case other

    public static let fieldName = "contract element"

    /// The bokmål label.
    public var label: String {
      switch self {
      case .urineTest: return "Urinprøver"
      case .group: return "Ansvarsgruppe"
      case .followUpTalk: return "Oppfølgingssamtaler"
      case .other: return "Annet"
      }
    }
  }

  public let kind: Kind
  public let frequency: Protected<String?>

  public init(kind: Kind, frequency: Protected<String?>) {
    self.kind = kind
    self.frequency = frequency
  }
}

/// A new measure; validated before anything is written. Whether the service and the contact
/// person exist and the goals belong to the plan is checked against the store.
public struct NewMeasure: Sendable, Equatable {
  public struct Element: Sendable, Equatable {
    public let kind: ContractElement.Kind
    public let frequency: String?

    public init(kind: ContractElement.Kind, frequency: String? = nil) {
      self.kind = kind
      self.frequency = frequency
    }
  }

  public let kind: Measure.Kind
  public let description: String
  public let responsibleService: ServiceCode
  public let contactPerson: StaffID?
  public let extent: String?
  public let start: CalendarDate?
  public let end: CalendarDate?
  public let status: Measure.Status
  public let goals: [GoalID]
  public let elements: [Element]

  public init(
    kind: Measure.Kind = .service, description: String, responsibleService: ServiceCode,
    contactPerson: StaffID? = nil, extent: String? = nil, start: CalendarDate? = nil,
    end: CalendarDate? = nil, status: Measure.Status = .planned, goals: [GoalID] = [],
    elements: [Element] = []
  ) throws(PlanError) {
    guard !description.trimmingSpaces.isEmpty else {
      throw .emptyField("the measure's description")
    }
    if let start, let end, end < start { throw .endBeforeStart("the measure") }
    switch kind {
    case .contract where elements.isEmpty: throw .contractWithoutElements
    case .service where !elements.isEmpty: throw .elementsOnServiceMeasure
    default: break
    }
    self.kind = kind
    self.description = description
    self.responsibleService = responsibleService
    self.contactPerson = contactPerson
    self.extent = extent
    self.start = start
    self.end = end
    self.status = status
    self.goals = Array(Set(goals)).sorted()
    self.elements = elements
  }
}
