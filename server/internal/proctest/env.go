package proctest

import (
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/testenv"
)

// SecretKey is the SECRET_KEY every process of a test shares, as processes
// behind one load balancer must.
var SecretKey = strings.Repeat("5e", 32)

// PortalEnv is the environment of a portal process on db whose public
// address is base (the balancer's URL, or its own), sending mail to mg.
// It trusts 127.0.0.1 as a proxy, so that each test client can have an
// address of its own. extra adds name, value pairs (they win).
func PortalEnv(t testing.TB, db *testenv.DB, base string, mg *Mailgun, extra ...string) map[string]string {
	env := map[string]string{
		"BASE_URL":        base,
		"DATABASE_URL":    db.URL,
		"DATA_DIR":        db.Dir,
		"SECRET_KEY":      SecretKey,
		"BRAND":           "MINI",
		"TRUSTED_PROXIES": "127.0.0.1",
	}
	if db.Dir == "" {
		env["DATA_DIR"] = t.TempDir()
	}
	for k, v := range mg.Env() {
		env[k] = v
	}
	for i := 0; i+1 < len(extra); i += 2 {
		env[extra[i]] = extra[i+1]
	}
	return env
}
