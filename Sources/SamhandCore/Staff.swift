/// A member of staff: belongs to one or more services and holds roles there. Policies decide
/// from these memberships, never from the name.
public struct Staff: Sendable, Equatable, Codable {
  public let id: StaffID
  public let name: String
  public let services: [ServiceCode]
  public let roles: [StaffRole]
  public let active: Bool

  public init(id: StaffID, name: String, services: [ServiceCode], roles: [StaffRole], active: Bool)
  {
    self.id = id
    self.name = name
    self.services = services
    self.roles = roles
    self.active = active
  }
}

/// Who is acting, as the gate knows them once authenticated.
public struct Actor: Sendable, Equatable {
  public let staffID: StaffID
  public let channel: Channel
  /// The OS user at the command line; nil over HTTP.
  public let osUser: String?

  public enum Channel: String, Sendable, Codable { case cli, http }

  public init(staffID: StaffID, channel: Channel, osUser: String? = nil) {
    self.staffID = staffID
    self.channel = channel
    self.osUser = osUser
  }
}
