package page

import (
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// questionStep picks the security question and takes its answer ("Save").
type questionStep struct {
	question, answer string
}

// Render draws the question list and the answer field.
func (s *questionStep) Render(f *Flow) app.UI {
	// The list is shared with the server (i18n.SecurityQuestions), in the
	// reader's language.
	opts := make([]component.Option, 0, len(i18n.SecurityQuestions))
	for _, id := range i18n.SecurityQuestions {
		opts = append(opts, component.Option{Value: id, Label: i18n.T(f.lng(), i18n.Key("question."+id))})
	}
	return f.form(
		f.errorAlert(),
		&component.Select{IID: "sq-question", ILabel: f.t(i18n.QuestionField), IValue: s.question, IOptions: opts,
			IPrompt: f.t(i18n.QuestionPrompt), IError: f.errs["question"],
			IOnChange: func(ctx app.Context, v string) { s.question = v }},
		&component.Field{IID: valueID, ILabel: f.t(i18n.AnswerField), IValue: s.answer, IAutocomplete: "off",
			IHint: f.t(i18n.AnswerHint), IError: f.errs["answer"], IMaxLength: 100,
			IOnInput: func(ctx app.Context, v string) { s.answer = v }},
		f.submitButton(i18n.QuestionSave),
	)
}

// Submit checks both inputs and saves them.
func (s *questionStep) Submit(ctx app.Context, f *Flow) {
	if s.question == "" {
		f.errs["question"] = f.t(i18n.QuestionUnknown)
	}
	if n := utf8.RuneCountInString(strings.TrimSpace(s.answer)); n < 2 || n > 100 {
		f.errs["answer"] = f.t(i18n.QuestionAnswerLen)
	}
	if len(f.errs) > 0 {
		return
	}
	req := api.SecurityQuestionRequest{Question: s.question, Answer: s.answer}
	send(ctx, f, func() (api.SecurityQuestionState, error) { return apiclient.Default.SetSecurityQuestion(req) },
		func(ctx app.Context, _ api.SecurityQuestionState) {
			s.answer = ""
			f.onChange(ctx, f.me)
			f.finish(ctx, f.t(i18n.QuestionSaved))
		})
}

// Focus is the question list.
func (s *questionStep) Focus() string { return "#sq-question" }

// exportStep fetches the account's data and hands it to the browser as a
// file ("Save the file").
type exportStep struct{}

// Render draws what the file is and the button that saves it.
func (s *exportStep) Render(f *Flow) app.UI {
	return f.form(
		f.errorAlert(),
		app.P().Text(f.t(i18n.ExportLead)),
		f.submitButton(i18n.ExportSave),
	)
}

// Submit downloads the data and saves it through a temporary link.
func (s *exportStep) Submit(ctx app.Context, f *Flow) {
	send(ctx, f, apiclient.Default.ExportData, func(ctx app.Context, doc string) {
		saveFile(i18n.Brand()+"-ID-data.json", "application/json", doc)
		f.finish(ctx, f.t(i18n.ExportDone))
	})
}

// Focus is the button.
func (s *exportStep) Focus() string { return "#change-dialog button[type=submit]" }

// saveFile gives the browser text as a download named name.
func saveFile(name, mime, text string) {
	if app.IsServer {
		return
	}
	win := app.Window()
	blob := win.Get("Blob").New([]any{text}, map[string]any{"type": mime})
	url := win.Get("URL").Call("createObjectURL", blob)
	a := win.Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	win.Get("document").Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	win.Get("URL").Call("revokeObjectURL", url)
}
