package page

import (
	"sort"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// keyPendingEmail keeps the registered address for the confirmation page
// (in sessionStorage: gone when the tab closes).
const keyPendingEmail = "pending_email"

// Register is /register: login data, personal data, address, contact,
// consent, then "Register".
type Register struct {
	app.Compo
	base

	r api.RegisterRequest
	// langChosen says the language select was changed; until then the
	// registration keeps the language the visitor reads the page in.
	langChosen bool
	errs       map[string]string
	err        formError
	busy       bool
}

// NewRegister returns the page.
func NewRegister() app.Composer {
	p := &Register{}
	p.fill = p.prefill
	return p
}

// OnNav sets the title.
func (p *Register) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.RegisterButton)) }

// OnMount follows the session; a logged-in visitor goes to the profile.
func (p *Register) OnMount(ctx app.Context) {
	p.observe(ctx, func() { redirectIfLoggedIn(ctx, p.sess) })
}

func (p *Register) prefill(pf api.Prefill) {
	p.err = formError{Message: pf.Message, Code: pf.Code}
	p.errs = pf.Fields
}

func (p *Register) field(id string, label i18n.Key, value *string, opts ...func(*component.Field)) app.UI {
	f := &component.Field{IID: id, ILabel: p.t(label), IValue: *value, IError: p.errs[id],
		IOnInput: func(ctx app.Context, v string) { *value = v; delete(p.errs, id) }}
	for _, o := range opts {
		o(f)
	}
	return f
}

func typ(t string) func(*component.Field)  { return func(f *component.Field) { f.IType = t } }
func auto(a string) func(*component.Field) { return func(f *component.Field) { f.IAutocomplete = a } }
func optional() func(*component.Field)     { return func(f *component.Field) { f.IOptional = true } }
func hint(h string) func(*component.Field) { return func(f *component.Field) { f.IHint = h } }

// Render draws the form.
func (p *Register) Render() app.UI {
	salutations := make([]component.Option, 0, len(validate.Salutations))
	for _, s := range validate.Salutations {
		salutations = append(salutations, component.Option{Value: s, Label: i18n.Salutation(p.lang, s)})
	}
	countries := countryOptions(p.lang)
	return p.frame(app.Div().Class("medium").Body(
		app.Div().Class("card").Body(
			app.H1().Text(p.t(i18n.RegisterTitle)),
			app.P().Class("lead").Text(p.t(i18n.RegisterLead)),
			component.Alert(component.AlertError, p.err.Message),
			component.PostForm(api.PageRegister, p.submit,
				app.FieldSet().Body(
					app.Legend().Text(p.t(i18n.RegisterLoginData)),
					p.field("email", i18n.FieldEmail, &p.r.Email, typ("email"), auto("email")),
					&component.Field{IID: "password", ILabel: p.t(i18n.FieldPassword), IType: "password", IValue: p.r.Password,
						IAutocomplete: "new-password", IHint: p.t(i18n.HintPassword), IError: p.errs["password"],
						IOnInput: func(ctx app.Context, v string) {
							p.r.Password = v
							delete(p.errs, "password")
							component.CheckStrength(ctx, v, p.r.Email, p.r.FirstName, p.r.LastName)
						}},
					&component.StrengthMeter{IRefused: p.errs["password"] != ""},
				),
				app.FieldSet().Body(
					app.Legend().Text(p.t(i18n.RegisterPersonal)),
					app.Div().Class("row2").Body(
						&component.Select{IID: "salutation", ILabel: p.t(i18n.FieldSalutation), IValue: p.r.Salutation,
							IOptions: salutations, IPrompt: p.t(i18n.ChooseOne), IError: p.errs["salutation"],
							IOnChange: func(ctx app.Context, v string) { p.r.Salutation = v; delete(p.errs, "salutation") }},
						p.field("title", i18n.FieldTitle, &p.r.Title, optional(), auto("honorific-prefix")),
					),
					app.Div().Class("row2").Body(
						p.field("first_name", i18n.FieldFirstName, &p.r.FirstName, auto("given-name")),
						p.field("last_name", i18n.FieldLastName, &p.r.LastName, auto("family-name")),
					),
					p.field("birth_date", i18n.FieldBirthDate, &p.r.BirthDate, typ("date"), optional(), auto("bday"), hint(p.t(i18n.HintBirthDate))),
				),
				app.FieldSet().Body(
					app.Legend().Text(p.t(i18n.RegisterAddress)),
					p.field("street", i18n.FieldStreet, &p.r.Street, auto("street-address")),
					app.Div().Class("row2 row-postcode").Body(
						p.field("postcode", i18n.FieldPostcode, &p.r.Postcode, auto("postal-code")),
						p.field("city", i18n.FieldCity, &p.r.City, auto("address-level2")),
					),
					&component.Select{IID: "country", ILabel: p.t(i18n.FieldCountry), IValue: p.r.Country,
						IOptions: countries, IPrompt: p.t(i18n.ChooseOne), IError: p.errs["country"],
						IOnChange: func(ctx app.Context, v string) {
							// Another country has other postcodes: its old
							// message no longer applies.
							p.r.Country = v
							delete(p.errs, "country")
							delete(p.errs, "postcode")
						}},
					&component.Select{IID: "language", ILabel: p.t(i18n.FieldLanguage), IValue: p.language(),
						IOptions: []component.Option{{Value: "", Label: p.t(i18n.LanguageAuto)},
							{Value: "en", Label: p.t(i18n.LanguageEnglish)}, {Value: "de", Label: p.t(i18n.LanguageGerman)}},
						IOnChange: func(ctx app.Context, v string) { p.r.Language, p.langChosen = v, true }},
					app.P().Class("hint").ID("language-hint").Text(p.t(i18n.RegisterLanguageHint)),
				),
				app.FieldSet().Body(
					app.Legend().Text(p.t(i18n.RegisterContact)),
					p.field("phone", i18n.FieldPhone, &p.r.Phone, typ("tel"), optional(), auto("tel"), hint(p.t(i18n.HintPhone))),
				),
				app.FieldSet().Body(
					app.Legend().Text(p.t(i18n.RegisterConsent)),
					// The documents open beside the form: what was typed stays.
					p.checkbox("accept_terms", i18n.FieldTerms, &p.r.AcceptTerms, p.documentHint(api.DocumentTerms)),
					p.checkbox("accept_privacy", i18n.FieldPrivacy, &p.r.AcceptPrivacy, p.documentHint(api.DocumentPrivacy)),
				),
				app.Button().Class("btn btn-block").Type("submit").Disabled(p.busy).Text(p.t(i18n.RegisterButton)),
			),
			app.Div().Class("links").Body(app.A().Href("/login").Text(p.t(i18n.RegisterHaveAccount))),
		),
	))
}

// documentHint links a checkbox's document, when it has an address.
func (p *Register) documentHint(doc string) app.UI {
	if l := documentLink(p.lang, doc); l != nil {
		return app.P().Class("hint check-doc").Body(l)
	}
	return nil
}

func (p *Register) checkbox(id string, label i18n.Key, v *bool, doc app.UI) app.UI {
	in := app.Input().Type("checkbox").ID(id).Name(id).Checked(*v).Required(true).
		OnChange(func(ctx app.Context, e app.Event) { *v = ctx.JSSrc().Get("checked").Bool() })
	if msg := p.errs[id]; msg != "" {
		in = in.Aria("invalid", "true").Aria("describedby", id+"-error")
	}
	return app.Div().Body(
		app.Div().Class("check").Body(in, app.Label().For(id).Text(p.t(label))),
		doc,
		app.If(p.errs[id] != "", func() app.UI { return app.P().ID(id + "-error").Class("error-text").Text(p.errs[id]) }),
	)
}

// language is the registration's language: the reader's own unless they
// chose another (or "from my country") in the form. A German postcode no
// longer turns an English reader's account German behind their back.
func (p *Register) language() string {
	if p.langChosen {
		return p.r.Language
	}
	return p.lang
}

// countryOptions lists the countries of residence in the reader's
// language, ordered by their names there (Österreich among the O).
func countryOptions(lang string) []component.Option {
	out := make([]component.Option, 0, len(validate.Countries))
	for _, c := range validate.Countries {
		out = append(out, component.Option{Value: c, Label: i18n.Country(lang, c)})
	}
	sort.SliceStable(out, func(i, j int) bool { return sortKey(out[i].Label) < sortKey(out[j].Label) })
	return out
}

// sortKey orders names as a dictionary does, letters with accents among
// their base letters (golang.org/x/text/collate would add its tables to
// the wasm for the few names of this list).
var sortKey = strings.NewReplacer("Ä", "A", "Ö", "O", "Ü", "U", "ä", "a", "ö", "o", "ü", "u", "ß", "ss",
	"É", "E", "é", "e", "Č", "C", "č", "c", "Å", "A", "å", "a").Replace

func (p *Register) validate() map[string]string {
	errs := map[string]string{}
	r := p.r
	check(p.lang, errs, "email", validate.Email(validate.NormalizeEmail(r.Email)))
	check(p.lang, errs, "password", validate.Password(r.Password))
	check(p.lang, errs, "salutation", validate.Salutation(r.Salutation))
	check(p.lang, errs, "title", validate.OptionalTitle(strings.TrimSpace(r.Title)))
	check(p.lang, errs, "first_name", validate.Name(r.FirstName))
	check(p.lang, errs, "last_name", validate.Name(r.LastName))
	check(p.lang, errs, "birth_date", validate.BirthDate(strings.TrimSpace(r.BirthDate), time.Now()))
	check(p.lang, errs, "street", validate.Street(r.Street))
	check(p.lang, errs, "city", validate.City(r.City))
	check(p.lang, errs, "country", validate.Country(r.Country))
	if r.Country != "" {
		check(p.lang, errs, "postcode", validate.Postcode(r.Country, r.Postcode))
	} else if strings.TrimSpace(r.Postcode) == "" {
		errs["postcode"] = i18n.FieldError(p.lang, "postcode", validate.CodeRequired)
	}
	if strings.TrimSpace(r.Phone) != "" {
		check(p.lang, errs, "phone", validate.Phone(validate.NormalizePhone(r.Phone)))
	}
	if !r.AcceptTerms {
		errs["accept_terms"] = i18n.FieldError(p.lang, "accept_terms", validate.CodeRequired)
	}
	if !r.AcceptPrivacy {
		errs["accept_privacy"] = i18n.FieldError(p.lang, "accept_privacy", validate.CodeRequired)
	}
	return errs
}

func (p *Register) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.err = formError{}
	p.errs = p.validate()
	if len(p.errs) > 0 {
		p.err.Message = p.t(i18n.ErrFixFields)
		component.FocusSoon("[aria-invalid=true]")
		return
	}
	p.busy = true
	req := p.r
	req.Language = p.language()
	ctx.Async(func() {
		err := apiclient.Default.Register(req)
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = false
			if err != nil {
				p.err = readError(p.lang, err)
				p.errs = p.err.Fields
				component.FocusSoon("[aria-invalid=true]")
				return
			}
			ctx.SessionStorage().Set(keyPendingEmail, validate.NormalizeEmail(req.Email))
			p.r = api.RegisterRequest{}
			ctx.Navigate("/register/confirm")
		})
	})
}
