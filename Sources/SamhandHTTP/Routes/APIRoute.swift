import Hummingbird

/// One operation of the API: method, path in OpenAPI form (`/v1/recipients/{recipientId}`),
/// how its bearer token is checked, and the handler. The route table is the single list the
/// router is built from and the spec test compares with `openapi.yaml`.
struct APIRoute: Sendable {
  typealias Handler = @Sendable (Request, SamhandRequestContext) async throws -> Response

  /// How a route's caller is authenticated.
  enum Authentication: Sendable {
    /// No token needed (`/health`, the contract).
    case none
    /// The token is looked up before the handler runs, which gets `context.actor`.
    case bearer
    /// For gated reads (`AuditedRead`): the gate confirms the token on the snapshot it
    /// decides on; the handler gets `context.bearer` and no `context.actor`.
    case bearerConfirmedByGate
  }

  let method: HTTPRequest.Method
  let path: String
  let authentication: Authentication
  let handler: Handler

  init(
    _ method: HTTPRequest.Method, _ path: String, authentication: Authentication = .bearer,
    handler: @escaping Handler
  ) {
    self.method = method
    self.path = path
    self.authentication = authentication
    self.handler = handler
  }

  /// The path in the router's syntax: `{name}` becomes `:name`.
  var routerPath: RouterPath {
    RouterPath(
      path.split(separator: "/").map { part in
        part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : part
      }.joined(separator: "/"))
  }
}
