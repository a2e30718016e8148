import SamhandPolicy

/// Why a `samhand policy` command could not run; printed as one line, exit status 1.
enum PolicyCommandError: Error, CustomStringConvertible {
  case policies(PolicyError)
  case unreadableEntities(path: String)
  case entities(path: String, EntityDataError)
  case context(EntityDataError)
  case uid(option: String, EntityDataError)
  /// An input the chosen form of the command needs was not given.
  case missing(String)

  var description: String {
    switch self {
    case .policies(let error): "\(error)"
    case .unreadableEntities(let path): "cannot read entities file \(path)"
    case .entities(let path, let error): "\(path): \(error)"
    case .context(let error): "--context: \(error)"
    case .uid(let option, let error): "\(option): \(error)"
    case .missing(let input): "missing \(input) (or ask about a recipient with --recipient ID)"
    }
  }
}
