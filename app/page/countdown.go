package page

import (
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/shared/i18n"
)

// defaultResendWait is the wait, in seconds, before "Request a new one" (or
// "Send the e-mail again") works again when the server's answer does not
// say it (ResendAfter 0): the fallback for servers that do not send it yet.
// It is the server's own limit of one code per 30 s.
const defaultResendWait = 30

// resendWait is the wait the server asked for, or the fallback.
func resendWait(secs int) int {
	if secs > 0 {
		return secs
	}
	return defaultResendWait
}

// countdown is the wait before "Request a new one" works again, shown as a
// live number of seconds.
type countdown struct {
	left int
	seq  int
}

// start counts down from secs, re-rendering the component every second.
func (c *countdown) start(ctx app.Context, secs int) {
	c.seq++
	c.left = secs
	seq := c.seq
	var tick func(ctx app.Context)
	tick = func(ctx app.Context) {
		if seq != c.seq || c.left <= 0 {
			return
		}
		c.left--
		ctx.Update()
		if c.left > 0 {
			ctx.After(time.Second, tick)
		}
	}
	ctx.After(time.Second, tick)
}

// label is the link text with the remaining wait.
func (c *countdown) label(lang string, text string) string {
	if c.left <= 0 {
		return text
	}
	return text + " (" + i18n.F(lang, i18n.WaitSeconds, "seconds", strconv.Itoa(c.left)) + ")"
}

func (c *countdown) active() bool { return c.left > 0 }
