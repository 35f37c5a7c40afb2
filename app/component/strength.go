package component

import (
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// keyStrength is the state holding the estimate of the password being typed.
const keyStrength = "password-strength"

// strength is one estimate.
type strength struct {
	Shown  bool
	Score  int
	Reason string
	Seq    int
}

var strengthSeq int

// CheckStrength estimates password after a short pause in typing and
// publishes the result to the StrengthMeter. The estimate (zxcvbn, with its
// dictionaries) runs on the server, at most every 300 ms, so the wasm does
// not carry megabytes of word lists; the length rule runs here, from
// shared/validate.
func CheckStrength(ctx app.Context, password string, userInputs ...string) {
	strengthSeq++
	seq := strengthSeq
	if err := validate.Password(password); err != nil {
		ctx.SetState(keyStrength, strength{Shown: password != "", Reason: validate.CodeOf(err), Seq: seq})
		return
	}
	ctx.After(300*time.Millisecond, func(ctx app.Context) {
		if seq != strengthSeq {
			return
		}
		ctx.Async(func() {
			st, err := apiclient.Default.PasswordStrength(api.StrengthRequest{Password: password, UserInputs: userInputs})
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil || seq != strengthSeq {
					return
				}
				ctx.SetState(keyStrength, strength{Shown: true, Score: st.Score, Reason: st.Reason, Seq: seq})
			})
		})
	})
}

// StrengthMeter shows the latest estimate as a bar and in words.
type StrengthMeter struct {
	app.Compo

	// IRefused hides the meter while the server's refusal of the password
	// stands beside it: "Strength: Fair" next to "too close to your
	// address" would say two things (the server knows the account's data,
	// the estimate on a link's page does not).
	IRefused bool

	lang string
	st   strength
}

// OnMount follows the language and the estimate.
func (m *StrengthMeter) OnMount(ctx app.Context) {
	state.ObserveLang(ctx, &m.lang)
	ctx.ObserveState(keyStrength, &m.st)
}

// Render draws the bar and its words.
func (m *StrengthMeter) Render() app.UI {
	if !m.st.Shown || m.IRefused {
		return app.Div().Class("strength")
	}
	lang := m.lang
	label := i18n.T(lang, i18n.Key("strength."+strconv.Itoa(m.st.Score)))
	text := i18n.T(lang, i18n.StrengthLabel) + ": " + label
	if m.st.Reason != "" {
		text += " — " + i18n.FieldError(lang, "password", m.st.Reason)
	}
	return app.Div().Class("strength").Body(
		app.Div().Class("meter").DataSet("score", m.st.Score).Aria("hidden", "true").Body(
			app.Span(), app.Span(), app.Span(), app.Span(),
		),
		app.P().Class("hint").ID("strength-text").Aria("live", "polite").Text(text),
	)
}

// OnPreRender takes the language of the page the server prerenders.
func (m *StrengthMeter) OnPreRender(ctx app.Context) { state.PreRenderLang(ctx, &m.lang) }

// OnInit starts in the app's language: the first drawing speaks it.
func (m *StrengthMeter) OnInit() { m.lang = state.StartLang() }
