package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// Step is one screen of a flow, in a file of its own (step_*.go): the
// password, a code, a new e-mail address, a new password, a new Phone ID,
// the two-factor choice, what a deletion takes away and its last
// confirmation, the closing words. The change dialogs, the two-factor
// dialog and the login's second step are lists of steps.
//
// A step draws itself from the flow's shared state and sends what it
// collected through the flow, which keeps busy, errors, info and the wait
// before "Request a new one" in one place. A new sign-in method (a passkey,
// an authenticator app, a recovery code) is one more type that implements
// Step; the flows that offer it put it in their lists. Where several methods
// can fill one place (the second factor), a step offers "Use another method"
// as a link whose handler puts the other method's step in its place
// (f.steps[f.at] = other) and opens it (f.goTo(ctx, f.at)).
type Step interface {
	// Render draws the step. Its main action (the form's submit, or the
	// main button) is f.submit, which clears the last errors and calls
	// Submit.
	Render(f *Flow) app.UI
	// Submit checks what the step collected, in the browser first, then
	// sends it with send; on success it moves the flow on (f.next,
	// f.finish) or leaves it (a navigation).
	Submit(ctx app.Context, f *Flow)
	// Focus is the CSS selector of what gets the focus when the step opens.
	Focus() string
}

// optionalStep is a step the flow passes over while it is not needed: the
// code step when no code was sent (a re-authentication asks for one only
// when two-factor authentication is on).
type optionalStep interface {
	needed(f *Flow) bool
}

// openingStep is a step that does something when it opens: asks the server
// for what it shows (the key of a new authenticator app).
type openingStep interface {
	open(ctx app.Context, f *Flow)
}

// Flow runs a list of steps for the component that shows it (a dialog, the
// second-step page). That component follows the language into *lang and
// says what happens with a changed profile, at the end and on failure.
type Flow struct {
	lang  *string
	steps []Step
	at    int
	// action is the page route the form posts to before the app runs (the
	// login's second step); "" for a dialog, which only the app shows.
	action string

	// me is the profile the flow started from.
	me api.Me
	// sentTo is where the last code went (masked); codeDue says that a
	// code is awaited.
	sentTo  string
	codeDue bool
	// asked is the second factor asked (api.Method…, "" for a code by
	// e-mail), offered every one the account may give instead; choosing
	// shows them ("Use another method"). passkeyOpts are the options of a
	// passkey ceremony the server began for the flow.
	asked       string
	offered     []string
	choosing    bool
	passkeyOpts []byte
	// codes are recovery codes to show once.
	codes []string
	// done is what the closing step says.
	done string

	busy bool
	err  formError
	errs map[string]string
	info string
	wait countdown

	// onChange takes a profile the server returned after a change.
	onChange func(ctx app.Context, me api.Me)
	// onClose ends the flow: Cancel, Close.
	onClose func(ctx app.Context)
	// onFail sees a failed call after it is shown, to turn back or away.
	onFail func(ctx app.Context, fe formError)

	// home is the context of the component that shows the flow, once it is
	// mounted. Calls are answered there: go-app drops an answer dispatched
	// to the element whose event started the call when the next step has
	// redrawn that element away (a step that opens by loading, a link
	// replaced by the busy note).
	home    app.Context
	hasHome bool
}

// mount gives the flow the context of the component that shows it.
func (f *Flow) mount(ctx app.Context) { f.home, f.hasHome = ctx, true }

// ctxFor is where the answers to a call started from ctx go.
func (f *Flow) ctxFor(ctx app.Context) app.Context {
	if f.hasHome {
		return f.home
	}
	return ctx
}

// newFlow returns a flow at its first step, in the language *lang.
func newFlow(lang *string, me api.Me, steps ...Step) *Flow {
	return &Flow{lang: lang, me: me, steps: steps, errs: map[string]string{}}
}

func (f *Flow) lng() string { return *f.lang }

func (f *Flow) t(k i18n.Key) string { return i18n.T(*f.lang, k) }

// Render draws the current step.
func (f *Flow) Render() app.UI { return f.steps[f.at].Render(f) }

// submit is the current step's main action.
func (f *Flow) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	f.err, f.errs, f.info = formError{}, map[string]string{}, ""
	f.steps[f.at].Submit(ctx, f)
}

// form wraps a step's inputs: sending it is the step's main action.
func (f *Flow) form(body ...app.UI) app.UI {
	if f.action != "" {
		return component.PostForm(f.action, f.submit, body...)
	}
	return app.Form().NoValidate(true).OnSubmit(f.submit).Body(body...)
}

// secondButton is a button beside the form's main one ("Request a new
// one"): in a page's form it also works before the app runs, sending the
// form with op=resend; in a dialog it is a plain button.
func (f *Flow) secondButton(id string, onClick app.EventHandler) app.HTMLButton {
	b := app.Button().Class("linkbtn").ID(id)
	if f.action == "" {
		return b.Type("button").OnClick(onClick)
	}
	return b.Type("submit").Name(api.FormOp).Value(api.OpResend).OnClick(func(ctx app.Context, e app.Event) {
		e.PreventDefault()
		onClick(ctx, e)
	})
}

// submitButton sends the step's form; it rests while the flow is busy.
func (f *Flow) submitButton(words i18n.Key) app.UI {
	return app.Button().Class("btn btn-block").Type("submit").Disabled(f.busy).Text(f.t(words))
}

// confirmActions are the buttons of a step that makes its change at one
// click (id, words; danger for one that takes something away) and
// "Cancel".
func (f *Flow) confirmActions(id string, words i18n.Key, danger bool) app.UI {
	class := "btn"
	if danger {
		class = "btn btn-danger"
	}
	return app.Div().Class("actions").Body(
		app.Button().Class(class).Type("button").ID(id).Disabled(f.busy).Text(f.t(words)).OnClick(f.submit),
		app.Button().Class("btn btn-secondary").Type("button").Text(f.t(i18n.Cancel)).
			OnClick(func(ctx app.Context, e app.Event) { f.close(ctx) }),
	)
}

// valueID is the input of a step that asks for the new value of a change.
const valueID = "ch-value"

// errorAlert shows what went wrong with the last call of the flow.
// A message its field shows already is not said twice.
func (f *Flow) errorAlert() app.UI {
	msg := f.err.Message
	for _, m := range f.errs {
		if m == msg {
			msg = ""
		}
	}
	return component.Alert(component.AlertError, msg)
}

// clearField drops a field's stale refusal once it is edited, and the
// alert too when it said the same.
func (f *Flow) clearField(name string) {
	if msg := f.errs[name]; msg != "" && msg == f.err.Message {
		f.err = formError{}
	}
	delete(f.errs, name)
}

// next moves on to the next step that is needed now.
func (f *Flow) next(ctx app.Context) {
	i := f.at + 1
	for i < len(f.steps)-1 {
		if o, ok := f.steps[i].(optionalStep); !ok || o.needed(f) {
			break
		}
		i++
	}
	f.goTo(ctx, i)
}

// finish ends at the last step (the closing words) with words.
func (f *Flow) finish(ctx app.Context, words string) {
	f.done = words
	f.goTo(ctx, len(f.steps)-1)
}

// goTo opens step i with a clean slate and moves the focus into it.
func (f *Flow) goTo(ctx app.Context, i int) {
	f.at = i
	f.err, f.errs, f.info = formError{}, map[string]string{}, ""
	f.choosing = false
	if o, ok := f.steps[i].(openingStep); ok {
		o.open(f.ctxFor(ctx), f)
	}
	component.FocusSoon(f.steps[i].Focus())
}

// then replaces the steps after the current one with steps (a choice that
// leads elsewhere: the two-factor dialog's "Set up authenticator app").
func (f *Flow) then(steps ...Step) {
	f.steps = append(f.steps[:f.at+1:f.at+1], steps...)
}

// close ends the flow.
func (f *Flow) close(ctx app.Context) { f.onClose(ctx) }

// onSuccess is what a step does once the server said yes; it runs on the
// UI goroutine.
type onSuccess func(ctx app.Context, f *Flow)

// moveOn goes on to the next step.
func moveOn(ctx app.Context, f *Flow) { f.next(ctx) }

// sent says whether a second factor is due and which (factors), where a
// code went (masked) and how many seconds "Request a new one" must wait (0
// when the server does not say).
type sent struct {
	due     bool
	to      string
	after   int
	factors api.Factors
}

// codeSent notes the second factor asked; for a code that went out it
// starts the wait before another may be asked for.
func (f *Flow) codeSent(ctx app.Context, s sent) {
	f.codeDue = s.due
	if !s.due {
		return
	}
	if s.factors.Asked != "" {
		f.asked, f.offered = s.factors.Asked, s.factors.Offered
	}
	if s.to != "" {
		f.sentTo = s.to
	}
	if f.asked == "" || f.asked == api.MethodEmailCode {
		f.wait.start(ctx, resendWait(s.after))
	}
}

// send runs call in the background while the flow is busy, then hands its
// answer to then, or shows what went wrong.
func send[T any](ctx app.Context, f *Flow, call func() (T, error), then func(ctx app.Context, answer T)) {
	f.busy = true
	ctx = f.ctxFor(ctx)
	ctx.Async(func() {
		answer, err := call()
		ctx.Dispatch(func(ctx app.Context) {
			f.busy = false
			if err != nil {
				f.fail(ctx, err)
				return
			}
			then(ctx, answer)
		})
	})
}

// sendOnly is send for a call that answers nothing but success.
func sendOnly(ctx app.Context, f *Flow, call func() error, then func(ctx app.Context)) {
	send(ctx, f, func() (struct{}, error) { return struct{}{}, call() }, func(ctx app.Context, _ struct{}) { then(ctx) })
}

// fail shows a failed call; a refusal with a wait (too many codes asked
// for) starts it on "Request a new one".
func (f *Flow) fail(ctx app.Context, err error) {
	f.err = readError(f.lng(), err)
	f.errs = f.err.Fields
	// The focus goes to what went wrong (a field, else the message), not
	// to <body> with the button that was pressed.
	component.FocusSoon("[role=dialog] [aria-invalid=true]", "[role=dialog] .alert-error", "#main [aria-invalid=true]", "#main .alert-error")
	if f.err.RetryAfter > 0 {
		f.wait.start(ctx, f.err.RetryAfter)
	}
	if f.onFail != nil {
		f.onFail(ctx, f.err)
	}
}

// resend asks for a new code ("Request a new one").
func (f *Flow) resend(ctx app.Context, call func() (sent, error), then func(ctx app.Context)) {
	f.err, f.info = formError{}, ""
	send(ctx, f, call, func(ctx app.Context, s sent) {
		s.due = true
		f.codeSent(ctx, s)
		f.info = f.t(i18n.CodeNewSent)
		then(ctx)
	})
}
