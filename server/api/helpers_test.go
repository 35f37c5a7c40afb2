package api_test

import (
	"encoding/json"
	"net/http"
	"net/url"

	"github.com/minicorp/miniid/server/internal/portaltest"
)

// sessionCookie is the client's session cookie (nil when it has none).
func sessionCookie(c *portaltest.Client) *http.Cookie {
	for _, k := range c.HTTP.Jar.Cookies(mustURL(c.Env.URL)) {
		if k.Name == "miniid" {
			return k
		}
	}
	return nil
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func jsonBody(v any) ([]byte, error) { return json.Marshal(v) }

// mustJSON encodes v for a raw request.
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
