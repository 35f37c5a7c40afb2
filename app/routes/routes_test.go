package routes

import "testing"

func TestKnown(t *testing.T) {
	for path, want := range map[string]bool{
		"/":                      true,
		"/login/code":            true,
		"/profile/security":      true,
		"/help/log-in":           true,
		"/help/two-factor-2":     true,
		"/help/":                 false,
		"/help/Log-In":           false,
		"/help/log-in/more":      false,
		"/not-found":             false, // only the server renders it, for unknown paths
		"/profile/unknown":       false,
		"/reset-password?token=": false, // a path never carries its query
	} {
		if got := Known(path); got != want {
			t.Errorf("Known(%q) = %v, want %v", path, got, want)
		}
	}
}
