package apiclient

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/shared/api"
)

// SecurityQuestions lists the questions a customer can pick.
func (c *Client) SecurityQuestions() ([]api.SecurityQuestionChoice, error) {
	return get[[]api.SecurityQuestionChoice](c, api.PathSecurityQuestions)
}

// SecurityQuestion tells whether the customer set a question, and which.
func (c *Client) SecurityQuestion() (api.SecurityQuestionState, error) {
	return get[api.SecurityQuestionState](c, api.PathSecurityQuestion)
}

// SetSecurityQuestion sets the question and answer (after a step-up for
// api.ActionSecurityQuestion).
func (c *Client) SetSecurityQuestion(r api.SecurityQuestionRequest) (api.SecurityQuestionState, error) {
	var out api.SecurityQuestionState
	err := c.call("PUT", api.PathSecurityQuestion, r, &out, nil)
	return out, err
}

// rawJSON keeps an answer as the text it came as.
type rawJSON string

func (r *rawJSON) UnmarshalJSON(b []byte) error { *r = rawJSON(b); return nil }

// ExportData downloads the account's data (after a step-up for
// api.ActionExport) and returns the JSON document as text.
func (c *Client) ExportData() (string, error) {
	var doc rawJSON
	err := c.call("POST", api.PathExport, nil, &doc, nil)
	return string(doc), err
}

// AcceptConsents accepts the current terms and answers the profile.
func (c *Client) AcceptConsents(r api.DocumentsRequest) (api.Me, error) {
	return post[api.Me](c, api.PathConsents, r)
}

// Restore keeps an account waiting for its deletion (the farewell mail's
// link).
func (c *Client) Restore(r api.TokenRequest) error {
	return c.call("POST", api.PathRestore, r, nil, nil)
}

// RemovePicture removes the profile picture.
func (c *Client) RemovePicture() (api.Me, error) {
	var me api.Me
	err := c.call("DELETE", api.PathPicture, nil, &me, nil)
	return me, err
}

// UploadPicture sends the file (a browser File) as the profile picture, in
// a multipart form: the browser writes the boundary.
func (c *Client) UploadPicture(file app.Value) (api.Me, error) {
	var me api.Me
	if err := c.sendLogout(); err != nil {
		return me, err
	}
	if c.token() == "" {
		if err := c.refreshCSRF(); err != nil {
			return me, err
		}
	}
	form := app.Window().Get("FormData").New()
	form.Call("append", "picture", file)
	h := map[string]any{"Accept": "application/json", api.HeaderCSRF: c.token()}
	c.mu.Lock()
	if c.lang != "" {
		h["X-Lang"] = c.lang
	}
	c.mu.Unlock()
	err := answer(api.PathPicture, map[string]any{"method": "POST", "credentials": "same-origin", "cache": "no-store", "headers": h, "body": form}, &me)
	return me, err
}

// PictureDataURL fetches the picture at url and returns it as a data: URL,
// the copy the device keeps for offline use.
func (c *Client) PictureDataURL(url string) (string, error) {
	done := make(chan struct{}, 1)
	var out string
	var failed error
	var onBuf, onRes, onErr app.Func
	onErr = app.FuncOf(func(this app.Value, args []app.Value) any {
		failed = &Error{Status: 0, Body: api.Error{Code: CodeOffline, Message: "picture unavailable"}}
		done <- struct{}{}
		return nil
	})
	onBuf = app.FuncOf(func(this app.Value, args []app.Value) any {
		arr := app.Window().Get("Uint8Array").New(args[0])
		b := make([]byte, arr.Length())
		app.CopyBytesToGo(b, arr)
		out = "data:image/jpeg;base64," + base64.StdEncoding.EncodeToString(b)
		done <- struct{}{}
		return nil
	})
	onRes = app.FuncOf(func(this app.Value, args []app.Value) any {
		res := args[0]
		if s := res.Get("status").Int(); s != 200 {
			failed = &Error{Status: s, Body: api.Error{Code: api.CodeNotFound, Message: "picture unavailable (" + strconv.Itoa(s) + ")"}}
			done <- struct{}{}
			return nil
		}
		res.Call("arrayBuffer").Call("then", onBuf).Call("catch", onErr)
		return nil
	})
	app.Window().Call("fetch", url, map[string]any{"credentials": "same-origin"}).Call("then", onRes).Call("catch", onErr)
	<-done
	onBuf.Release()
	onRes.Release()
	onErr.Release()
	return out, failed
}

// SupportMe greets the agent; 403 for anyone else.
func (c *Client) SupportMe() (api.SupportAgent, error) {
	return get[api.SupportAgent](c, api.PathSupportMe)
}

// SupportFind looks customers up by e-mail, Phone ID or name.
func (c *Client) SupportFind(q string) ([]api.SupportCustomer, error) {
	return get[[]api.SupportCustomer](c, api.PathSupportFind+"?q="+app.Window().Call("encodeURIComponent", q).String())
}

func customerPath(path string, id int64) string {
	return strings.Replace(path, "{id}", strconv.FormatInt(id, 10), 1)
}

// SupportCustomer is what an agent sees of one customer.
func (c *Client) SupportCustomer(id int64) (api.SupportStatus, error) {
	return get[api.SupportStatus](c, customerPath(api.PathSupportCustomer, id))
}

// SupportAct takes an action on a customer's account, with the reason.
func (c *Client) SupportAct(id int64, r api.SupportActionRequest) (api.SupportStatus, error) {
	return post[api.SupportStatus](c, customerPath(api.PathSupportAction, id), r)
}

// SupportCheck checks the caller's answer to the security question.
func (c *Client) SupportCheck(id int64, r api.SupportCheckRequest) (api.SupportCheckResult, error) {
	return post[api.SupportCheckResult](c, customerPath(api.PathSupportCheck, id), r)
}

// SupportLog is the agents' audit log.
func (c *Client) SupportLog() ([]api.AgentLogEntry, error) {
	return get[[]api.AgentLogEntry](c, api.PathSupportLog)
}
