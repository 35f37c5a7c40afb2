package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// figure is one measured number with its target.
type figure struct {
	name    string
	value   float64
	decimal int    // digits after the point
	unit    string // shown in the table only
	atLeast bool   // target is a minimum (else a maximum)
	limit   float64
	info    bool   // a measurement without a target (a price, not a goal)
	how     string // what it was computed from
}

func (f figure) ok() bool {
	if f.info {
		return true
	}
	if f.atLeast {
		return f.value >= f.limit
	}
	return f.value <= f.limit
}

func (f figure) target() string {
	if f.info {
		return "—"
	}
	op := "≤"
	if f.atLeast {
		op = "≥"
	}
	return op + " " + strconv.FormatFloat(f.limit, 'f', -1, 64)
}

func (f figure) formatted() string { return strconv.FormatFloat(f.value, 'f', f.decimal, 64) }

// report is everything the run prints on stdout.
type report struct {
	machine  machine
	database string
	server   string
	figures  []figure
	notes    []string // details: the runs behind the figures, baselines
	failures []string // what could not be measured, and why
}

func (r *report) add(f figure) { r.figures = append(r.figures, f) }
func (r *report) note(format string, args ...any) {
	r.notes = append(r.notes, fmt.Sprintf(format, args...))
}
func (r *report) fail(what string, err error) {
	r.failures = append(r.failures, what+": "+err.Error())
}

// write prints the table for people, then one name=value line per figure,
// last, for machines.
func (r *report) write(w io.Writer) {
	m := r.machine
	fmt.Fprintf(w, "\nMINI ID portal benchmark — %s\n", m.Date.UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(w, "machine: %d cores (GOMAXPROCS %d), %s, %s %s\n", m.Cores, m.GOMAXPROCS, m.CPU, m.Go, m.OS)
	fmt.Fprintf(w, "database: %s\nportal: %s\n\n", r.database, r.server)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if len(r.figures) > 0 {
		fmt.Fprintln(tw, "figure\tmeasured\ttarget\t\tfrom")
	}
	missed, targets := 0, 0
	for _, f := range r.figures {
		mark := "✓"
		switch {
		case f.info:
			mark = ""
		case !f.ok():
			mark = "✗"
			missed++
		}
		if !f.info {
			targets++
		}
		val := f.formatted()
		if f.unit != "" {
			val += " " + f.unit
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", f.name, val, f.target(), mark, f.how)
	}
	tw.Flush()
	if len(r.notes) > 0 {
		fmt.Fprintln(w, "\nruns:")
		for _, n := range r.notes {
			fmt.Fprintln(w, "  "+n)
		}
	}
	fmt.Fprintf(w, "\n%d of %d figures meet their target", targets-missed, targets)
	if missed > 0 {
		var names []string
		for _, f := range r.figures {
			if !f.ok() {
				names = append(names, f.name)
			}
		}
		fmt.Fprintf(w, "; missed: %s", strings.Join(names, ", "))
	}
	fmt.Fprintln(w)
	for _, f := range r.failures {
		fmt.Fprintln(w, "NOT MEASURED: "+f)
	}
	fmt.Fprintln(w)
	for _, f := range r.figures {
		fmt.Fprintf(w, "%s=%s\n", f.name, f.formatted())
	}
}
