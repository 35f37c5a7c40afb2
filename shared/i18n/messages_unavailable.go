package i18n

// ErrUnavailable is the answer while the portal cannot reach its database
// (a restart or failover of a few seconds): the same request will work
// again shortly.
const ErrUnavailable Key = "error.unavailable"

func init() {
	register(map[Key][2]string{
		ErrUnavailable: {
			"The {brand} ID is briefly unavailable. Please try again in {seconds} seconds.",
			"Die {brand} ID ist gerade kurz nicht erreichbar. Bitte versuchen Sie es in {seconds} Sekunden erneut.",
		},
	})
}
