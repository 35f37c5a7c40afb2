package state

import (
	"encoding/json"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/shared/api"
)

// keyProfileCache is where the device keeps the last loaded profile, for
// reading it offline. It holds what the profile pages show and nothing else:
// no session id, token or code.
const keyProfileCache = "profile_cache"

type profileCache struct {
	Me      api.Me `json:"me"`
	SavedAt string `json:"saved_at"`
}

func localStorage() app.Value {
	if app.IsServer {
		return nil
	}
	return app.Window().Get("localStorage")
}

// saveProfile keeps me on the device.
func saveProfile(me api.Me) {
	ls := localStorage()
	if ls == nil {
		return
	}
	b, err := json.Marshal(profileCache{Me: me, SavedAt: time.Now().UTC().Format(time.RFC3339)})
	if err == nil {
		ls.Call("setItem", keyProfileCache, string(b))
	}
}

// cachedProfile returns the profile kept on the device, if any.
func cachedProfile() (profileCache, bool) {
	ls := localStorage()
	if ls == nil {
		return profileCache{}, false
	}
	v := ls.Call("getItem", keyProfileCache)
	if !v.Truthy() {
		return profileCache{}, false
	}
	var c profileCache
	if json.Unmarshal([]byte(v.String()), &c) != nil || c.Me.Email == "" {
		return profileCache{}, false
	}
	return c, true
}

// ForgetDevice removes every copy of personal data from the device: the
// cached profile, session storage and the help reads the service worker
// kept (the app persists no go-app state). The language and the app version
// stay (they are not personal).
func ForgetDevice() {
	if app.IsServer {
		return
	}
	win := app.Window()
	if ls := localStorage(); ls != nil {
		ls.Call("removeItem", keyProfileCache)
		ls.Call("removeItem", keyPicture)
	}
	if ss := win.Get("sessionStorage"); ss.Truthy() {
		ss.Call("clear")
	}
	if caches := win.Get("caches"); caches.Truthy() {
		caches.Call("delete", "help-reads")
	}
	if sw := win.Get("navigator").Get("serviceWorker"); sw.Truthy() {
		if ctrl := sw.Get("controller"); ctrl.Truthy() {
			ctrl.Call("postMessage", map[string]any{"type": "goapp:purge"})
		}
	}
}
