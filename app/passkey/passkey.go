// Package passkey runs the browser's WebAuthn (navigator.credentials) for
// the app through go-app's JS bridge: it turns the server's ceremony options
// (JSON, base64url where WebAuthn has bytes) into what the browser takes,
// and the browser's credential back into the JSON the server reads. Calls
// block until the person answers their device, so run them in ctx.Async.
package passkey

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Error is a ceremony the browser ended without a passkey. Name is the
// DOMException's: "NotAllowedError" (cancelled, timed out, or no passkey
// for this site), "InvalidStateError" (the device holds a passkey of this
// account already), "AbortError" (the app stopped it), "SecurityError".
type Error struct{ Name, Message string }

func (e *Error) Error() string { return e.Name + ": " + e.Message }

// Cancelled reports whether the person cancelled, or let it time out.
func (e *Error) Cancelled() bool { return e.Name == "NotAllowedError" || e.Name == "AbortError" }

// Supported reports whether this browser can use passkeys here (WebAuthn
// needs https, or http on localhost).
func Supported() bool {
	if app.IsServer {
		return false
	}
	return app.Window().Get("PublicKeyCredential").Truthy() && app.Window().Get("navigator").Get("credentials").Truthy()
}

// Conditional reports whether the browser offers passkeys in a field's
// autofill (conditional mediation).
func Conditional() bool {
	if !Supported() {
		return false
	}
	pkc := app.Window().Get("PublicKeyCredential")
	if !pkc.Get("isConditionalMediationAvailable").Truthy() {
		return false
	}
	ok, err := await(pkc.Call("isConditionalMediationAvailable"))
	return err == nil && ok.Truthy() && ok.Bool()
}

// pending is the conditional request waiting in the autofill, which a
// dialog's request must stop first (a browser runs one at a time).
var (
	mu      sync.Mutex
	pending app.Value
)

// Abort stops a conditional request waiting in the autofill, if any.
func Abort() {
	mu.Lock()
	defer mu.Unlock()
	if pending != nil && pending.Truthy() {
		pending.Call("abort")
	}
	pending = nil
}

// Create asks the browser to make a passkey with the server's creation
// options ({"publicKey": {...}}) and returns the new credential as JSON.
func Create(options []byte) ([]byte, error) {
	if !Supported() {
		return nil, &Error{Name: "NotSupportedError"}
	}
	Abort()
	opts, err := parse(options)
	if err != nil {
		return nil, err
	}
	pk := opts.Get("publicKey")
	setBytes(pk, "challenge")
	setBytes(pk.Get("user"), "id")
	eachBytes(pk.Get("excludeCredentials"), "id")
	cred, err := await(app.Window().Get("navigator").Get("credentials").Call("create", opts))
	if err != nil {
		return nil, err
	}
	resp := cred.Get("response")
	out := map[string]any{
		"attestationObject": b64(resp.Get("attestationObject")),
		"clientDataJSON":    b64(resp.Get("clientDataJSON")),
	}
	if resp.Get("getTransports").Truthy() {
		var transports []string
		list := resp.Call("getTransports")
		for i := 0; i < list.Length(); i++ {
			transports = append(transports, list.Index(i).String())
		}
		out["transports"] = transports
	}
	return credentialJSON(cred, out)
}

// Get asks the browser for a passkey with the server's request options. A
// conditional request ({"mediation": "conditional"}) waits in the autofill
// of a field marked autocomplete="username webauthn" until the person picks
// a passkey there, or Abort.
func Get(options []byte) ([]byte, error) {
	if !Supported() {
		return nil, &Error{Name: "NotSupportedError"}
	}
	opts, err := parse(options)
	if err != nil {
		return nil, err
	}
	pk := opts.Get("publicKey")
	setBytes(pk, "challenge")
	eachBytes(pk.Get("allowCredentials"), "id")
	Abort()
	if m := opts.Get("mediation"); m.Truthy() && m.String() == "conditional" {
		ctl := app.Window().Get("AbortController").New()
		opts.Set("signal", ctl.Get("signal"))
		mu.Lock()
		pending = ctl
		mu.Unlock()
	}
	cred, err := await(app.Window().Get("navigator").Get("credentials").Call("get", opts))
	if err != nil {
		return nil, err
	}
	resp := cred.Get("response")
	out := map[string]any{
		"authenticatorData": b64(resp.Get("authenticatorData")),
		"clientDataJSON":    b64(resp.Get("clientDataJSON")),
		"signature":         b64(resp.Get("signature")),
	}
	if h := resp.Get("userHandle"); h.Truthy() {
		out["userHandle"] = b64(h)
	}
	return credentialJSON(cred, out)
}

// credentialJSON writes a PublicKeyCredential the way the server reads it
// (WebAuthn Level 3's toJSON shape).
func credentialJSON(cred app.Value, response map[string]any) ([]byte, error) {
	out := map[string]any{
		"id": cred.Get("id").String(), "rawId": b64(cred.Get("rawId")), "type": cred.Get("type").String(),
		"response": response, "clientExtensionResults": json.RawMessage("{}"),
	}
	if a := cred.Get("authenticatorAttachment"); a.Truthy() {
		out["authenticatorAttachment"] = a.String()
	}
	if cred.Get("getClientExtensionResults").Truthy() {
		s := app.Window().Get("JSON").Call("stringify", cred.Call("getClientExtensionResults")).String()
		out["clientExtensionResults"] = json.RawMessage(s)
	}
	return json.Marshal(out)
}

// parse turns the server's options into a JavaScript object (JSON.parse:
// the page's CSP allows no eval).
func parse(options []byte) (app.Value, error) {
	if !json.Valid(options) {
		return nil, errors.New("passkey: the server's options are not JSON")
	}
	return app.Window().Get("JSON").Call("parse", string(options)), nil
}

// setBytes replaces the base64url string v[name] with its bytes.
func setBytes(v app.Value, name string) {
	if !v.Truthy() || !v.Get(name).Truthy() {
		return
	}
	raw, err := base64.RawURLEncoding.DecodeString(v.Get(name).String())
	if err != nil {
		return
	}
	arr := app.Window().Get("Uint8Array").New(len(raw))
	app.CopyBytesToJS(arr, raw)
	v.Set(name, arr)
}

// eachBytes is setBytes for every element of the array list.
func eachBytes(list app.Value, name string) {
	if !list.Truthy() {
		return
	}
	for i := 0; i < list.Length(); i++ {
		setBytes(list.Index(i), name)
	}
}

// b64 is the base64url of an ArrayBuffer.
func b64(buf app.Value) string {
	if !buf.Truthy() {
		return ""
	}
	arr := app.Window().Get("Uint8Array").New(buf)
	out := make([]byte, arr.Length())
	app.CopyBytesToGo(out, arr)
	return base64.RawURLEncoding.EncodeToString(out)
}

// await waits for a promise.
func await(p app.Value) (app.Value, error) {
	type result struct {
		v   app.Value
		err error
	}
	done := make(chan result, 1)
	var onOK, onErr app.Func
	onOK = app.FuncOf(func(this app.Value, args []app.Value) any {
		var v app.Value = app.Undefined()
		if len(args) > 0 {
			v = args[0]
		}
		done <- result{v: v}
		return nil
	})
	onErr = app.FuncOf(func(this app.Value, args []app.Value) any {
		e := &Error{Name: "UnknownError"}
		if len(args) > 0 && args[0].Truthy() {
			if n := args[0].Get("name"); n.Truthy() {
				e.Name = n.String()
			}
			if m := args[0].Get("message"); m.Truthy() {
				e.Message = m.String()
			}
		}
		done <- result{err: e}
		return nil
	})
	p.Call("then", onOK, onErr)
	r := <-done
	onOK.Release()
	onErr.Release()
	return r.v, r.err
}
