import Hummingbird

/// One operation of the API: method, path in OpenAPI form (`/v1/recipients/{recipientId}`),
/// whether it needs a bearer token, and the handler. The route table is the single list the
/// router is built from and the spec test compares with `openapi.yaml`.
struct APIRoute: Sendable {
  typealias Handler = @Sendable (Request, SamhandRequestContext) async throws -> Response

  let method: HTTPRequest.Method
  let path: String
  let authenticated: Bool
  let handler: Handler

  init(
    _ method: HTTPRequest.Method, _ path: String, authenticated: Bool = true,
    handler: @escaping Handler
  ) {
    self.method = method
    self.path = path
    self.authenticated = authenticated
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
