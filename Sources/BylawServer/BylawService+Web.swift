import BylawJobs

extension BylawService {
    /// How a front door of this service (the web pages) records a check by `actor`: the same trail and masking
    /// key as the API's routes; nil when the service runs without a trail.
    public func recording(actor: String) -> Recording? {
        trail.map { Recording(trail: $0, actor: actor, maskingKey: maskingKey) }
    }
}
