package e2e

import (
	"github.com/minicorp/miniid/shared/validate"
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

func TestChangeNameAndCountry(t *testing.T) {
	env, tab := startLoggedIn(t, "uk@example.com")
	tab.Click("Personal data")
	tab.WaitPath("/profile/personal")
	tab.Wait("the form filled in", `document.getElementById("first_name") && document.getElementById("first_name").value === "Jana"`)
	tab.Shot("personal-data")
	tab.Fill("First name", "Johanna")
	tab.Submit("Save", "Your changes are saved.")
	tab.Open(env.URL + "/profile")
	tab.WaitText("Johanna Keller")
	// Moving to Germany switches the whole app to German, without a reload.
	tab.Click("Personal data")
	tab.Wait("the form filled in", `document.getElementById("first_name") && document.getElementById("first_name").value === "Johanna"`)
	tab.Select("Country of residence", "Germany")
	tab.Fill("Postcode", "80809")
	tab.Submit("Save", "Ihre Änderungen sind gespeichert.")
	tab.WaitText("Persönliche Daten")
	tab.Click("‹ Mein Profil")
	tab.WaitText("Mein Profil")
	tab.WaitText("Deutschland")
}

func TestChangeEmailThroughLink(t *testing.T) {
	env, tab := startLoggedIn(t, "before@example.com")
	tab.Open(env.URL + "/profile/account")
	tab.ClickID("edit-email")
	tab.Fill("Password", portaltest.Password)
	tab.Submit("NEXT", "New e-mail address")
	tab.Shot("change-email")
	tab.Fill("New e-mail address", "after@example.com")
	tab.Submit("Send confirmation link", "We have sent a link to after@example.com")
	tab.Click("Close")
	// Account data says that the change waits for its link, at once and
	// after a reload.
	tab.WaitText("Change to after@example.com waiting: open the link we sent there.")
	tab.Open(env.URL + "/profile/account")
	tab.WaitText("Change to after@example.com waiting: open the link we sent there.")
	tab.Shot("change-email-pending")
	tab.Open(env.LastMail("after@example.com").Link())
	tab.WaitText("Your e-mail address has been changed.")
	tab.Open(env.URL + "/profile/account")
	tab.Wait("the new address", `document.getElementById("account-email") && document.getElementById("account-email").innerText === "after@example.com"`)
	if tab.Has("Change to after@example.com waiting") {
		t.Fatal("the change is still shown as waiting after its link was opened")
	}
	if !strings.Contains(env.LastMail("before@example.com").Text, "a•••@example.com") {
		t.Fatal("the old address was not told")
	}
}

func TestDeleteAndFailToLogIn(t *testing.T) {
	env, tab := startLoggedIn(t, "leave@example.com")
	tab.Open(env.URL + "/profile/account")
	tab.Click("Delete MINI ID")
	tab.WaitText("removes it for good after 7 days")
	tab.Shot("delete-explain")
	tab.Click("Continue")
	tab.Fill("Password", portaltest.Password)
	tab.Submit("NEXT", "Last step")
	tab.Submit("Delete permanently", "")
	tab.WaitPath("/login")
	tab.WaitText("has been deactivated and will be deleted in 7 days")
	tab.Shot("deleted")
	login(tab, env, "leave@example.com", "is being deleted on")
	if m := env.LastMail("leave@example.com"); !strings.Contains(strings.ToLower(m.Subject), "deleted") {
		t.Fatalf("no farewell mail: %q", m.Subject)
	}
}

func TestLogoutOnAllOtherDevices(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	env.RegisterIn("two.devices@example.com", "GB", "SW1A 1AA")
	laptop := browsertest.New(t).Tab()
	phone := browsertest.New(t).Tab() // another browser: its own cookies
	login(laptop, env, "two.devices@example.com", "")
	laptop.WaitPath("/profile")
	login(phone, env, "two.devices@example.com", "")
	phone.WaitPath("/profile")
	laptop.Open(env.URL + "/profile/security")
	laptop.WaitText("This device")
	laptop.WaitText("Logged in")
	laptop.Shot("security")
	laptop.Submit("Log out on all other devices", "You have been logged out on all other devices.")
	phone.Open(env.URL + "/profile")
	phone.WaitPath("/login")
	env.Clock.Advance(time.Second)
}

// Two devices edit at once: the later save is refused and shows the fresh
// data instead of overwriting it.
func TestTwoDevicesEditPersonalData(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	env.RegisterIn("both@example.com", "GB", "SW1A 1AA")
	laptop := browsertest.New(t).Tab()
	phone := browsertest.New(t).Tab()
	for _, tab := range []*browsertest.Tab{laptop, phone} {
		login(tab, env, "both@example.com", "")
		tab.WaitPath("/profile")
		tab.Open(env.URL + "/profile/personal")
		tab.Wait("the form filled in", `document.getElementById("first_name") && document.getElementById("first_name").value === "Jana"`)
	}
	phone.Fill("First name", "Janina")
	phone.Submit("Save", "Your changes are saved.")

	laptop.Fill("City", "London")
	laptop.Submit("Save", "Your data was changed on another device in the meantime.")
	laptop.Wait("the fresh first name", `document.getElementById("first_name").value === "Janina"`)
	laptop.Shot("conflict")
	// Saving again now keeps both changes... once the city is typed again.
	laptop.Fill("City", "London")
	laptop.Submit("Save", "Your changes are saved.")
	laptop.Open(env.URL + "/profile")
	laptop.WaitText("Janina Keller")
}

// Phone ID: add a number, verify it with the SMS code, then log in with it.
func TestPhoneIDThroughTheDialog(t *testing.T) {
	env, tab := startLoggedIn(t, "mobile@example.com")
	tab.Open(env.URL + "/profile/account")
	tab.ClickIn("PHONE ID", "Edit")
	tab.Fill("Password", portaltest.Password)
	tab.Submit("NEXT", "Mobile number")
	tab.Fill("Mobile number", "+44 7700 900123")
	tab.Submit("Send code by SMS", "We have sent a code by SMS to +44•••••23.")
	tab.Shot("phone-sms")
	sms := env.LastMail("+447700900123")
	if sms.Channel != "sms" {
		t.Fatalf("not an SMS: %+v", sms)
	}
	tab.Fill("Code from the SMS", sms.Code())
	tab.Submit("Confirm", "Your Phone ID is verified.")
	tab.Click("Close")
	tab.WaitText(validate.FormatPhone("+447700900123")) // shown in groups
	tab.Click("Profile menu")
	tab.Click("Log out")
	tab.WaitPath("/login")
	login(tab, env, "+44 7700 900123", "")
	tab.WaitPath("/profile")
}

// A mobile number given at registration is offered for verification after
// the first login, filled in, and becomes the Phone ID once verified.
func TestTheRegistrationsNumberIsOfferedForVerification(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Client()
	reg := portaltest.Registration("numbered@example.com")
	reg.Country, reg.Postcode, reg.Phone = "GB", "SW1A 1AA", "+44 7700 900456"
	c.Post(api.PathRegister, reg)
	c.Post(api.PathConfirm, api.ConfirmRequest{Token: env.LastMail("numbered@example.com").Token()})
	tab := browsertest.New(t).Tab()
	login(tab, env, "numbered@example.com", "")
	tab.WaitPath("/profile")
	tab.WaitText("is not verified yet")
	tab.Shot("verify-phone-offer")
	tab.Click("Verify in Account data")
	tab.WaitPath("/profile/account")
	tab.ClickIn("PHONE ID", "Edit")
	tab.Fill("Password", portaltest.Password)
	tab.Submit("NEXT", "Mobile number")
	tab.Wait("the number filled in", `document.getElementById("`+"ch-value"+`") && document.getElementById("ch-value").value === "+447700900456"`)
	tab.Submit("Send code by SMS", "We have sent a code by SMS to +44•••••56.")
	tab.Fill("Code from the SMS", env.LastMail("+447700900456").Code())
	tab.Submit("Confirm", "Your Phone ID is verified.")
	tab.Click("Close")
	tab.Open(env.URL + "/profile")
	tab.WaitText("My profile")
	if tab.Has("is not verified yet") {
		t.Fatal("the offer stays after the number was verified")
	}
}
