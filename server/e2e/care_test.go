package e2e

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/support"
	"github.com/minicorp/miniid/shared/api"
)

// setQuestionByAPI gives the customer a security question through the
// step-up, as the Security page would.
func setQuestionByAPI(t *testing.T, env *portaltest.Env, c *portaltest.Client, question, answer string) {
	t.Helper()
	if r := c.Post(api.PathReauth, api.ReauthRequest{Action: api.ActionSecurityQuestion, Password: portaltest.Password}); r.Status != 200 {
		t.Fatalf("step-up: %d %s", r.Status, r.Body)
	}
	body := []byte(`{"question":"` + question + `","answer":"` + answer + `"}`)
	if r := c.Raw("PUT", api.PathSecurityQuestion, body, map[string]string{"Content-Type": "application/json", "Origin": env.URL, api.HeaderCSRF: c.CSRF}); r.Status != 200 {
		t.Fatalf("question: %d %s", r.Status, r.Body)
	}
}

// The story in the browser: an agent with a second factor finds a
// blocked customer, verifies them by the security question and ends the
// block with a reason; the customer then sees the reason.
func TestSupportAgentEndsABlock(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	customer := "caller@example.com"
	c := env.RegisterIn(customer, "GB", "SW1A 1AA")
	setQuestionByAPI(t, env, c, "first_pet", "Bello")
	for i := 0; i < 5; i++ {
		env.Login(customer, "wrong password number "+strconv.Itoa(i))
	}
	agentEmail := "agent@example.com"
	agent := env.RegisterIn(agentEmail, "GB", "SW1A 1AA")
	if r := agent.Post(api.PathTwoFactorStart, api.TwoFactorStartRequest{Enable: true, Password: portaltest.Password}); r.Status != 200 {
		t.Fatalf("two-factor: %d", r.Status)
	}
	agent.Post(api.PathTwoFactorConfirm, api.CodeRequest{Code: env.LastMail(agentEmail).Code()})
	if _, _, err := support.GrantAgent(context.Background(), env.DB.Bun, env.Portal.Auth(), agentEmail, env.Clock.Now()); err != nil {
		t.Fatal(err)
	}

	tab := browsertest.New(t).Tab()
	login(tab, env, agentEmail, "Activation code")
	tab.Fill("Activation code", env.LastMail(agentEmail).Code())
	tab.Submit("Confirm", "")
	tab.WaitPath("/profile")
	tab.Open(env.URL + "/support")
	tab.WaitText("Signed in as agent@example.com")
	tab.Fill("Find a customer", customer)
	tab.Submit("Search", "caller@example.com")
	tab.Shot("console-search")
	tab.Click("Jana Keller · caller@example.com")
	tab.WaitText("Temporarily blocked until")
	tab.WaitText("Ask: What was the name of your first pet?")
	tab.Fill("What the caller answers", "bello")
	tab.Submit("Check answer", "Matches")
	tab.Click("End the block")
	tab.WaitText("Type the reason for this action")
	tab.Fill("Reason (the customer reads it)", "Caller verified by the security question")
	tab.Submit("End the block", "Done. The customer has been told by e-mail.")
	tab.WaitText("Not blocked")
	tab.Shot("console-customer")
	tab.Click("Audit log")
	tab.WaitText("Caller verified by the security question")
	tab.Shot("console-log")

	// A customer's browser is shut out of the console.
	other := browsertest.New(t).Tab()
	env.Clock.Advance(time.Minute)
	login(other, env, customer, "")
	other.WaitPath("/profile")
	other.Open(env.URL + "/support")
	other.WaitText("The support console is for support agents only.")
	other.Open(env.URL + "/profile/security")
	other.WaitText("Support ended the temporary block")
	other.Shot("customer-events")
}

// jpegFile writes a photo to a file for the file chooser.
func jpegFile(t *testing.T) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 400, 300))
	for y := 0; y < 300; y++ {
		for x := 0; x < 400; x++ {
			img.Set(x, y, color.RGBA{uint8(x / 2), 90, uint8(y / 2), 255})
		}
	}
	var b bytes.Buffer
	jpeg.Encode(&b, img, nil)
	path := filepath.Join(t.TempDir(), "me.jpg")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// A picture uploaded on My profile shows in the status bar, stays there
// offline (the device's copy), and "Remove picture" brings the initials
// back.
func TestProfilePictureInTheStatusBar(t *testing.T) {
	env, tab := startLoggedIn(t, "picture@example.com")
	tab.Wait("the service worker", `navigator.serviceWorker.controller !== null`)
	tab.WaitText("Upload picture")
	tab.Shot("profile-no-picture")
	before := browsertest.Eval[int](tab, `window.__apiDone || 0`)
	if _, err := chromedp.Run(tab.Ctx, chromedp.SetUploadFiles(chromedp.ID("picture-file"), []string{jpegFile(t)})); err != nil {
		t.Fatal(err)
	}
	tab.Wait("the upload's answer", `(window.__apiDone || 0) > `+strconv.Itoa(before)+` && !window.__apiInFlight`)
	tab.WaitText("Your new picture is saved.")
	tab.Wait("the picture in the status bar", `document.querySelector("#profile-button img") !== null`)
	tab.Wait("the device's copy", `(document.querySelector("#profile-button img").src || "").startsWith("data:image/jpeg")`)
	tab.Shot("profile-picture")

	env.Stop()
	tab.Open(env.URL + "/profile")
	tab.WaitText("Offline — last updated")
	tab.Wait("the picture offline", `(document.querySelector("#profile-avatar img") || {}).src?.startsWith("data:image/jpeg")`)
	env.Restart()
	tab.Wait("the banner to go", `!document.body.innerText.includes("Offline — last updated")`)

	tab.Submit("Remove picture", "Your picture has been removed.")
	tab.Wait("the initials back", `document.querySelector("#profile-button img") === null && document.getElementById("profile-button").innerText.trim() === "JK"`)
}

// The Security page sets the security question through the step-up and
// downloads the data as a file.
func TestSecurityQuestionAndDownload(t *testing.T) {
	env, tab := startLoggedIn(t, "secure@example.com")
	tab.Open(env.URL + "/profile/security")
	tab.WaitText("You have not set a security question yet.")
	tab.Click("Set security question")
	tab.Fill("Password", portaltest.Password)
	tab.Submit("NEXT", "Your answer")
	tab.Select("Question", "What was the name of your first pet?")
	tab.Fill("Your answer", "Bello")
	tab.Shot("security-question")
	tab.Submit("Save", "Your security question is saved.")
	tab.Click("Close")
	tab.WaitText("Your question: What was the name of your first pet?")
	tab.WaitText("Security question changed")

	tab.Click("Download my data")
	tab.Fill("Password", portaltest.Password)
	tab.Submit("NEXT", "Save the file")
	tab.Submit("Save the file", "Your browser is saving the file.")
	tab.Click("Close")
	tab.WaitText("Your data was downloaded")
	tab.Shot("security-page")
}

// New terms are accepted at the next login before the profile opens; the
// farewell mail's link keeps a deleted account.
func TestNewTermsAndKeepingADeletedAccount(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t), "TERMS_VERSION", "2026-01")
	email := "terms@example.com"
	c := env.RegisterIn(email, "GB", "SW1A 1AA")
	env.Reconfigure("TERMS_VERSION", "2026-12", "TERMS_URL", "https://www.mini.example/id-terms")
	tab := browsertest.New(t).Tab()
	login(tab, env, email, "")
	tab.WaitText("Terms of use, version 2026-12")
	// The new version can be read before it is accepted.
	if href := browsertest.Eval[string](tab, `document.getElementById("read-terms").getAttribute("href")`); href != "https://www.mini.example/id-terms" {
		t.Fatalf("the new terms are linked to %q", href)
	}
	tab.Shot("new-terms")
	tab.Submit("Accept and continue", "Account data")

	// Leaving needs no new terms: the step-up and the deletion are allowed.
	if r := c.Post(api.PathReauth, api.ReauthRequest{Action: api.ActionDelete, Password: portaltest.Password}); r.Status != 200 {
		t.Fatalf("step-up: %d %s", r.Status, r.Body)
	}
	if r := c.Post(api.PathDelete, nil); r.Status != 200 {
		t.Fatalf("delete: %d %s", r.Status, r.Body)
	}
	tab.Open(env.LastMail(email).Link())
	tab.WaitText("Your MINI ID is waiting to be deleted.")
	tab.Shot("restore")
	tab.Submit("Keep my MINI ID", "Your MINI ID is active again.")
	login(tab, env, email, "")
	tab.WaitPath("/profile")
}
