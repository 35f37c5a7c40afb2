package api_test

import (
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// The strength check compares the password with what the customer typed
// elsewhere (e-mail, names). The app sends three such inputs, none longer
// than an e-mail address; anything beyond that is refused with a field
// error instead of feeding zxcvbn unbounded dictionaries.
func TestStrengthBoundsUserInputs(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Client()
	c.Session()
	long := strings.Repeat("a", 254)
	tests := []struct {
		name       string
		inputs     []string
		lang       string
		wantStatus int
		wantCode   string
	}{
		{name: "what the app sends", inputs: []string{"jana.keller@example.com", "Jana", "Keller"}, wantStatus: 200},
		{name: "five inputs of 254 characters", inputs: []string{long, long, long, long, long}, wantStatus: 200},
		{name: "six inputs", inputs: []string{"a", "b", "c", "d", "e", "f"}, wantStatus: 400, wantCode: "too_many"},
		{name: "six inputs, in German", inputs: []string{"a", "b", "c", "d", "e", "f"}, lang: "de", wantStatus: 400, wantCode: "too_many"},
		{name: "a thousand inputs", inputs: make([]string, 1000), wantStatus: 400, wantCode: "too_many"},
		{name: "one input of 255 characters", inputs: []string{"Jana", long + "ü"}, wantStatus: 400, wantCode: "too_long"},
		{name: "one input of 60 000 characters", inputs: []string{strings.Repeat("x", 60000)}, wantStatus: 400, wantCode: "too_long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, _ := jsonBody(map[string]any{"password": "correct horse battery staple 42", "user_inputs": tt.inputs})
			h := map[string]string{"Content-Type": "application/json", "Origin": env.URL, api.HeaderCSRF: c.CSRF}
			if tt.lang != "" {
				h["X-Lang"] = tt.lang
			}
			r := c.Raw("POST", api.PathStrength, body, h)
			if r.Status != tt.wantStatus {
				t.Fatalf("status %d %s, want %d", r.Status, r.Body, tt.wantStatus)
			}
			if tt.wantCode == "" {
				var s api.Strength
				r.JSON(t, &s)
				if !s.Acceptable {
					t.Fatalf("a strong password judged %+v", s)
				}
				return
			}
			e := r.Error(t)
			f, ok := e.Fields["user_inputs"]
			if !ok || f.Code != tt.wantCode {
				t.Fatalf("field errors %+v, want user_inputs %s", e.Fields, tt.wantCode)
			}
			if !strings.Contains(f.Message, "5") && !strings.Contains(f.Message, "254") {
				t.Errorf("the message does not state the limit: %q", f.Message)
			}
			if tt.lang == "de" && !strings.Contains(strings.ToLower(f.Message), "höchstens") {
				t.Errorf("not in German: %q", f.Message)
			}
		})
	}
}
