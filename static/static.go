// Package static embeds the portal's browser files (icons, CSS and the built
// app.wasm with its compressed copies), so one server binary runs from any
// directory.
package static

import "embed"

// FS holds web/: served under /web/.
//
//go:embed web
var FS embed.FS
