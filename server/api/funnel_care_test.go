package api_test

import (
	"fmt"
	"testing"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// The step-ups of self-service end in the funnel like every other: with
// two-factor authentication the password alone allows nothing, the code
// completes it, and one step-up allows one change.
func TestCareStepUpsEndInTheFunnel(t *testing.T) {
	changes := map[string]func(c *portaltest.Client, env *portaltest.Env) int{
		api.ActionExport: func(c *portaltest.Client, _ *portaltest.Env) int { return c.Post(api.PathExport, nil).Status },
		api.ActionSecurityQuestion: func(c *portaltest.Client, env *portaltest.Env) int {
			body, _ := jsonBody(api.SecurityQuestionRequest{Question: "first_car", Answer: "Trabant"})
			return c.Raw("PUT", api.PathSecurityQuestion, body, map[string]string{"Content-Type": "application/json", "Origin": env.URL, api.HeaderCSRF: c.CSRF}).Status
		},
	}
	for action, change := range changes {
		for _, twoFactor := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/two-factor=%v", action, twoFactor), func(t *testing.T) {
				env := portaltest.Start(t, testenv.SQLite(t))
				email := "care-funnel@example.com"
				c := env.Register(email)
				if twoFactor {
					activate(t, env, c, email)
				}
				r := c.Post(api.PathReauth, api.ReauthRequest{Action: action, Password: portaltest.Password})
				var res api.ReauthResult
				r.JSON(t, &res)
				if r.Status != 200 || res.CodeSent != twoFactor {
					t.Fatalf("password step: %d %s", r.Status, r.Body)
				}
				if twoFactor {
					if got := change(c, env); got != 403 {
						t.Fatalf("the change after the password alone, with two-factor on: %d", got)
					}
					if r := c.Post(api.PathReauthConfirm, api.CodeRequest{Code: env.LastMail(email).Code()}); r.Status != 200 {
						t.Fatalf("code: %d %s", r.Status, r.Body)
					}
				}
				if got := change(c, env); got != 200 {
					t.Fatalf("the change after a complete step-up: %d", got)
				}
				if got := change(c, env); got != 403 {
					t.Fatalf("a second change on one step-up: %d", got)
				}
			})
		}
	}
}
