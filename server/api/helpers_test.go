package api_test

import (
	"encoding/json"
	"net/url"
)

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func jsonBody(v any) ([]byte, error) { return json.Marshal(v) }
