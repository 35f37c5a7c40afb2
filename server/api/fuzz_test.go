package api

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/minicorp/miniid/shared/api"
)

// fuzzDecode feeds body to decode into a fresh T and checks the rules: no
// panic, only the documented statuses, and what was accepted survives a round
// trip.
func fuzzDecode[T any](t *testing.T, body []byte) {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/api/v1/x", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	var v T
	if !decode(rec, req, &v) {
		switch rec.Code {
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge:
		default:
			t.Fatalf("status %d for %q", rec.Code, body)
		}
		var e api.Error
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Code == "" || e.Message == "" {
			t.Fatalf("no envelope: %s", rec.Body)
		}
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var again T
	rec2 := httptest.NewRecorder()
	if !decode(rec2, httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(b)), &again) || !reflect.DeepEqual(v, again) {
		t.Fatalf("round trip changed %+v into %+v", v, again)
	}
}

func FuzzDecodeRegister(f *testing.F) {
	good, _ := json.Marshal(api.RegisterRequest{Email: "a@example.com", Password: "pw", PersonalData: api.PersonalData{Country: "DE"}, AcceptTerms: true})
	f.Add(good)
	f.Add([]byte(`{"email":"x","unknown":1}`))
	f.Add([]byte(`{"email":"x"} trailing`))
	f.Add([]byte(`{"accept_terms":"yes"}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, body []byte) { fuzzDecode[api.RegisterRequest](t, body) })
}

func FuzzDecodeLogin(f *testing.F) {
	f.Add([]byte(`{"identifier":"a@example.com","password":"pw"}`))
	f.Add([]byte(`{"identifier":"+491701234567","password":"\u0000"}`))
	f.Add([]byte(`{"identifier":null}`))
	f.Add([]byte(`{`))
	f.Fuzz(func(t *testing.T, body []byte) { fuzzDecode[api.LoginRequest](t, body) })
}
