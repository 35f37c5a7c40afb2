package api

import (
	"encoding/base64"
	"encoding/json"
)

// The entry pages are served as complete HTML whose forms work without the
// app: they post application/x-www-form-urlencoded to the page routes below
// (never to the JSON API), with the session's CSRF token in a hidden field.
// Each form posts to the page it is on; the answer is the next page (303)
// or the same page again with what went wrong.
const (
	FormCSRF = "csrf_token" // the hidden field holding the session's CSRF token

	PageLogin          = "/login"
	PageLoginCode      = "/login/code"
	PageRegister       = "/register"
	PageConfirmPending = "/register/confirm"
	PageConfirm        = "/confirm"
	PageForgot         = "/forgot-password"
	PageReset          = "/reset-password"
	PageProfile        = "/profile"
	PageLanguage       = "/language"
)

// FormOp names the submit button that picks a form's second action: with
// the value OpResend it asks for the mail or code again ("Send the e-mail
// again", "Request a new one") instead of sending the form.
const (
	FormOp   = "op"
	OpResend = "resend"
)

// CookieLang names the cookie that carries the reader's language choice to
// the server, which renders pages in it.
const CookieLang = "lang"

// Prefill is what the server hands a page it renders as HTML: the reader's
// language and the outcome of the form post it answers (messages, field
// errors, the wait before another try). The server passes it to go-app's
// prerendering, and into the page for the app, which starts from the same
// state when it takes over. Typed values are not in it: they are in the
// form's inputs.
type Prefill struct {
	Lang       string            `json:"lang,omitempty"`
	Message    string            `json:"message,omitempty"` // what went wrong
	Code       string            `json:"code,omitempty"`    // its Error code
	Info       string            `json:"info,omitempty"`    // what went right
	Fields     map[string]string `json:"fields,omitempty"`  // field → message
	RetryAfter int               `json:"retry_after,omitempty"`
	Until      string            `json:"until,omitempty"`
	// Step names a page's state after the post: StepSent (forgot
	// password), StepDone (reset).
	Step string `json:"step,omitempty"`
	// Token is the token of the link the page was opened from (reset,
	// confirmation), for the page's form.
	Token string `json:"token,omitempty"`
	// Link is what opening a confirmation link said (it may ask for a
	// password first).
	Link *Session `json:"link,omitempty"`
	// Email is the address a registration or a resend went to.
	Email string `json:"email,omitempty"`
	// Masked is where a login code went (j•••@example.com).
	Masked string `json:"masked,omitempty"`
	// Asked is the second factor a login's code page asks for (Method…).
	Asked string `json:"asked,omitempty"`
	// Data holds the JSON API's answers the page shows (the help centre's
	// topics, an article, search hits, the assistant's answer), under the
	// names of Data* below, so the page is complete without the app and
	// the app starts from them.
	Data map[string]json.RawMessage `json:"data,omitempty"`
}

// Names of Prefill.Data.
const (
	DataHelpTopics   = "help_topics"    // []HelpTopic
	DataHelpMostRead = "help_most_read" // []HelpArticleSummary
	DataHelpSearch   = "help_search"    // []HelpSearchResult for the page's ?q=
	DataHelpArticle  = "help_article"   // HelpArticle
	DataAssistant    = "assistant"      // AssistantAnswer for the page's ?ask=
)

// Decode reads Data[name] into v; false when it is not there.
func (p Prefill) Decode(name string, v any) bool {
	raw, ok := p.Data[name]
	return ok && json.Unmarshal(raw, v) == nil
}

// Steps of a page after a form post.
const (
	StepSent = "sent" // forgot password: the same answer for every address
	StepDone = "done" // reset: the new password is set
)

// Empty reports whether there is nothing to hand over but the language.
func (p Prefill) Empty() bool {
	return p.Message == "" && p.Code == "" && p.Info == "" && len(p.Fields) == 0 &&
		p.RetryAfter == 0 && p.Until == "" && p.Step == "" && p.Email == "" && p.Masked == "" && p.Asked == "" && p.Token == "" && p.Link == nil && len(p.Data) == 0
}

// Encode is the prefill as base64url JSON: safe in a URL fragment and in an
// attribute.
func (p Prefill) Encode() string {
	b, _ := json.Marshal(p)
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodePrefill reads what Encode wrote; anything else is an empty prefill.
func DecodePrefill(s string) Prefill {
	var p Prefill
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || json.Unmarshal(b, &p) != nil {
		return Prefill{}
	}
	return p
}
