package page

import (
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// PersonalData is /profile/personal: name, salutation, date of birth,
// address and the country of residence (which sets the language).
type PersonalData struct {
	app.Compo
	base

	d       api.PersonalData
	version int64
	loaded  bool
	errs    map[string]string
	err     formError
	info    string
	busy    bool
}

// NewPersonalData returns the page.
func NewPersonalData() app.Composer { return &PersonalData{} }

// OnNav sets the title.
func (p *PersonalData) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.PersonalTitle)) }

// OnMount fills the form from the profile once it is known.
func (p *PersonalData) OnMount(ctx app.Context) {
	p.observe(ctx, func() {
		requireLogin(ctx, p.sess)
		p.fill(false)
	})
	requireLogin(ctx, p.sess)
	p.fill(false)
	state.Refresh(ctx)
}

// fill copies the profile into the form (always when force, else once).
func (p *PersonalData) fill(force bool) {
	if !p.sess.LoggedIn() || (p.loaded && !force) {
		return
	}
	p.fillFrom(*p.sess.Me)
}

// fillFrom copies me into the form.
func (p *PersonalData) fillFrom(me api.Me) {
	p.d = me.Personal()
	p.version = me.Version
	p.loaded = true
}

// showFilled writes the form's values into the inputs (they do not
// re-render while typed in, so fresh data must be put there).
func (p *PersonalData) showFilled() {
	for id, v := range map[string]string{"title": p.d.Title, "first_name": p.d.FirstName, "last_name": p.d.LastName,
		"birth_date": p.d.BirthDate, "street": p.d.Street, "postcode": p.d.Postcode, "city": p.d.City} {
		component.SetInputValue(id, v)
	}
}

func (p *PersonalData) field(id string, label i18n.Key, v *string, opts ...func(*component.Field)) app.UI {
	f := &component.Field{IID: id, ILabel: p.t(label), IValue: *v, IError: p.errs[id], IDisabled: p.sess.Offline,
		IOnInput: func(ctx app.Context, s string) { *v = s }}
	for _, o := range opts {
		o(f)
	}
	return f
}

// Render draws the form.
func (p *PersonalData) Render() app.UI {
	if !p.sess.LoggedIn() {
		return p.frame(gate(p.lang, p.sess))
	}
	salutations := make([]component.Option, 0, len(validate.Salutations))
	for _, s := range validate.Salutations {
		salutations = append(salutations, component.Option{Value: s, Label: i18n.Salutation(p.lang, s)})
	}
	languages := []component.Option{{Value: "", Label: p.t(i18n.LanguageAuto)}, {Value: "en", Label: p.t(i18n.LanguageEnglish)}, {Value: "de", Label: p.t(i18n.LanguageGerman)}}
	return p.frame(app.Div().Class("medium").Body(
		app.P().Body(app.A().Href("/profile").Text("‹ "+p.t(i18n.ProfileTitle))),
		app.Div().Class("card").Body(
			app.H1().Text(p.t(i18n.PersonalTitle)),
			app.P().Class("lead").Text(p.t(i18n.PersonalLead)),
			offlineNote(p.lang, p.sess),
			component.Alert(component.AlertError, p.err.Message),
			component.Alert(component.AlertOK, p.info),
			app.Form().NoValidate(true).OnSubmit(p.submit).Body(
				app.Div().Class("row2").Body(
					&component.Select{IID: "salutation", ILabel: p.t(i18n.FieldSalutation), IValue: p.d.Salutation, IOptions: salutations,
						IError: p.errs["salutation"], IDisabled: p.sess.Offline, IOnChange: func(ctx app.Context, v string) { p.d.Salutation = v }},
					p.field("title", i18n.FieldTitle, &p.d.Title, optional(), auto("honorific-prefix")),
				),
				app.Div().Class("row2").Body(
					p.field("first_name", i18n.FieldFirstName, &p.d.FirstName, auto("given-name")),
					p.field("last_name", i18n.FieldLastName, &p.d.LastName, auto("family-name")),
				),
				p.field("birth_date", i18n.FieldBirthDate, &p.d.BirthDate, typ("date"), optional(), auto("bday")),
				p.field("street", i18n.FieldStreet, &p.d.Street, auto("street-address")),
				app.Div().Class("row2 row-postcode").Body(
					p.field("postcode", i18n.FieldPostcode, &p.d.Postcode, auto("postal-code")),
					p.field("city", i18n.FieldCity, &p.d.City, auto("address-level2")),
				),
				&component.Select{IID: "country", ILabel: p.t(i18n.FieldCountry), IValue: p.d.Country, IOptions: countryOptions(p.lang),
					IError: p.errs["country"], IDisabled: p.sess.Offline, IOnChange: func(ctx app.Context, v string) { p.d.Country = v }},
				&component.Select{IID: "language", ILabel: p.t(i18n.FieldLanguage), IValue: p.d.Language, IOptions: languages,
					IError: p.errs["language"], IDisabled: p.sess.Offline, IOnChange: func(ctx app.Context, v string) { p.d.Language = v }},
				app.Button().Class("btn").Type("submit").Disabled(p.busy || p.sess.Offline).Text(p.t(i18n.Save)),
			),
		),
	))
}

func (p *PersonalData) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.err, p.info = formError{}, ""
	p.errs = map[string]string{}
	d := p.d
	check(p.lang, p.errs, "salutation", validate.Salutation(d.Salutation))
	check(p.lang, p.errs, "title", validate.OptionalTitle(strings.TrimSpace(d.Title)))
	check(p.lang, p.errs, "first_name", validate.Name(d.FirstName))
	check(p.lang, p.errs, "last_name", validate.Name(d.LastName))
	check(p.lang, p.errs, "birth_date", validate.BirthDate(strings.TrimSpace(d.BirthDate), time.Now()))
	check(p.lang, p.errs, "street", validate.Street(d.Street))
	check(p.lang, p.errs, "city", validate.City(d.City))
	check(p.lang, p.errs, "country", validate.Country(d.Country))
	if d.Country != "" {
		check(p.lang, p.errs, "postcode", validate.Postcode(d.Country, d.Postcode))
	}
	if len(p.errs) > 0 {
		p.err.Message = p.t(i18n.ErrFixFields)
		return
	}
	p.busy = true
	version := p.version
	ctx.Async(func() {
		me, err := apiclient.Default.UpdatePersonal(d, version)
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = false
			if err != nil {
				p.err = readError(p.lang, err)
				p.errs = p.err.Fields
				if p.err.Code == api.CodeVersionConflict && me.Email != "" {
					// The answer carries the current data: show it.
					state.SetMe(ctx, me)
					p.fillFrom(me)
					p.showFilled()
				}
				return
			}
			state.SetMe(ctx, me)
			p.version = me.Version
			p.info = i18n.T(me.Language, i18n.PersonalSaved)
		})
	})
}
