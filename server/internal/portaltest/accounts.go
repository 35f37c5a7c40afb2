package portaltest

import (
	"github.com/minicorp/miniid/shared/api"
)

// Password is a password strong enough for registration.
const Password = "correct horse battery staple 42"

// Registration returns a valid registration for email.
func Registration(email string) api.RegisterRequest {
	return api.RegisterRequest{
		Email: email, Password: Password,
		PersonalData: api.PersonalData{Salutation: "ms", FirstName: "Jana", LastName: "Keller",
			Street: "Petuelring 130", Postcode: "80809", City: "München", Country: "DE"},
		AcceptTerms: true, AcceptPrivacy: true,
	}
}

// Register registers and confirms email (living in Germany), returning a
// logged-in client.
func (e *Env) Register(email string) *Client {
	e.T.Helper()
	return e.RegisterIn(email, "DE", "80809")
}

// RegisterIn is Register for a customer living in country (postcode there).
func (e *Env) RegisterIn(email, country, postcode string) *Client {
	e.T.Helper()
	c := e.Client()
	reg := Registration(email)
	reg.Country, reg.Postcode = country, postcode
	if r := c.Post(api.PathRegister, reg); r.Status != 202 {
		e.T.Fatalf("register: %d %s", r.Status, r.Body)
	}
	tok := e.LastMail(email).Token()
	if r := c.Post(api.PathConfirm, api.ConfirmRequest{Token: tok}); r.Status != 200 {
		e.T.Fatalf("confirm: %d %s", r.Status, r.Body)
	}
	return c
}

// Login logs a new client in with password (no second step expected).
func (e *Env) Login(email, password string) (*Client, Response) {
	e.T.Helper()
	c := e.Client()
	r := c.Post(api.PathLogin, api.LoginRequest{Identifier: email, Password: password})
	return c, r
}
