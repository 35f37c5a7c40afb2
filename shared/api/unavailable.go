package api

// CodeUnavailable is the code of a 503: the portal cannot reach its
// database for a moment (a restart, a failover). The answer carries
// Retry-After; the same request succeeds once the database is back.
const CodeUnavailable = "unavailable"
