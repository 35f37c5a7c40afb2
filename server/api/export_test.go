package api

import "time"

// SampleRefusalsBy makes the refusal log read the time from now and start
// from empty counts, until the returned function restores it.
func SampleRefusalsBy(now func() time.Time) (restore func()) {
	prev := refusals
	refusals = newRefusalSampler(now, refusalsPerSecond, refusalsSampleEvery)
	return func() { refusals = prev }
}

// RefusalLimits are the sampler's numbers: logged per second and kind, then
// one in every.
func RefusalLimits() (perSecond, every int) { return refusalsPerSecond, refusalsSampleEvery }
