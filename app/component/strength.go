package component

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// StrengthMeter shows how guessable a password is as it is typed. The
// estimate (zxcvbn, with its dictionaries) runs on the server, asked at most
// every 300 ms, so the wasm does not carry megabytes of word lists.
type StrengthMeter struct {
	app.Compo
	ILang string

	score  int
	reason string
	shown  bool
	seq    int
	inputs []string
}

// Lang sets the language and returns the meter (for use in Render).
func (m *StrengthMeter) Lang(lang string) *StrengthMeter {
	m.ILang = lang
	return m
}

// Inputs sets words the password should not be built from (name, e-mail).
func (m *StrengthMeter) Inputs(words ...string) { m.inputs = words }

// Check asks for the strength of password after a short pause in typing.
func (m *StrengthMeter) Check(ctx app.Context, password string) {
	m.seq++
	seq := m.seq
	if validate.Password(password) != nil {
		m.shown = password != ""
		m.score, m.reason = 0, ""
		if password != "" {
			m.reason = validate.CodeOf(validate.Password(password))
		}
		return
	}
	inputs := append([]string(nil), m.inputs...)
	ctx.After(300*time.Millisecond, func(ctx app.Context) {
		if seq != m.seq {
			return
		}
		ctx.Async(func() {
			var st api.Strength
			err := apiclient.Default.Post(api.PathStrength, map[string]any{"password": password, "user_inputs": inputs}, &st)
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil || seq != m.seq {
					return
				}
				m.shown, m.score, m.reason = true, st.Score, st.Reason
			})
		})
	})
}

// Render draws the bar and its words.
func (m *StrengthMeter) Render() app.UI {
	if !m.shown {
		return app.Div().Class("strength").Aria("hidden", "true")
	}
	lang := m.ILang
	label := i18n.T(lang, i18n.Key("strength."+itoa(m.score)))
	text := i18n.T(lang, i18n.StrengthLabel) + ": " + label
	if m.reason != "" {
		text += " — " + i18n.FieldError(lang, "password", m.reason)
	}
	return app.Div().Class("strength").Body(
		app.Div().Class("meter").DataSet("score", m.score).Aria("hidden", "true").Body(
			app.Span(), app.Span(), app.Span(), app.Span(),
		),
		app.P().Class("hint").ID("strength-text").Aria("live", "polite").Text(text),
	)
}

func itoa(n int) string { return string(rune('0' + n)) }
