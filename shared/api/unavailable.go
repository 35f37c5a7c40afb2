package api

// CodeTemporarilyUnavailable is the code of a 503: the portal cannot reach
// its database for a moment (a restart, a failover). The answer carries
// Retry-After; the same request succeeds once the database is back. (It is
// not CodeUnavailable, a 409 for something this portal does not offer.)
const CodeTemporarilyUnavailable = "temporarily_unavailable"
