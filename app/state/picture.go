package state

import (
	"encoding/json"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/shared/api"
)

// keyPicture is where the device keeps a copy of the profile picture (a
// data: URL of the 256-pixel square), so the status bar and My profile show
// it offline too. It goes with the profile copy at logout.
const keyPicture = "profile_picture"

type pictureCopy struct {
	URL  string `json:"url"`  // the picture's URL (its version) the copy is of
	Data string `json:"data"` // the picture as a data: URL
}

// PictureSrc is what an <img> shows for the profile's picture: the
// device's copy when it is of this picture, else the picture's URL; "" when
// there is no picture.
func PictureSrc(me *api.Me) string {
	if me == nil || me.Picture == "" {
		return ""
	}
	if c, ok := pictureCopyOf(); ok && c.URL == me.Picture {
		return c.Data
	}
	return me.Picture
}

func pictureCopyOf() (pictureCopy, bool) {
	ls := localStorage()
	if ls == nil {
		return pictureCopy{}, false
	}
	v := ls.Call("getItem", keyPicture)
	if !v.Truthy() {
		return pictureCopy{}, false
	}
	var c pictureCopy
	return c, json.Unmarshal([]byte(v.String()), &c) == nil && c.Data != ""
}

// keepPicture brings the device's copy up to date with me: a new picture is
// fetched once, a removed one is forgotten. It blocks (run it in the
// background).
func keepPicture(me api.Me) {
	ls := localStorage()
	if ls == nil {
		return
	}
	if me.Picture == "" {
		ls.Call("removeItem", keyPicture)
		return
	}
	if c, ok := pictureCopyOf(); ok && c.URL == me.Picture {
		return
	}
	data, err := apiclient.Default.PictureDataURL(me.Picture)
	if err != nil {
		return // shown from the network until the next try
	}
	if b, err := json.Marshal(pictureCopy{URL: me.Picture, Data: data}); err == nil {
		ls.Call("setItem", keyPicture, string(b))
	}
}
