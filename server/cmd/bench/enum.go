package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sort"
	"time"

	"github.com/minicorp/miniid/shared/api"
)

// enumRequests is how many requests each endpoint gets, half for addresses
// the portal knows and half for addresses it does not, interleaved at
// random.
const enumRequests = 240

// enumEndpoint is one endpoint that must not tell whether an address is
// known: body builds its request for an address.
type enumEndpoint struct {
	name, path string
	body       func(email string) any
	known      []string // addresses it knows (an account; for resend, a pending one)
}

// enumResult is, per endpoint, how well the latency of one request tells a
// known address from an unknown one.
type enumResult struct {
	auc   map[string]float64
	p50   map[string][2]float64 // ms: known, unknown
	order []string
}

// worst is the best a one-request classifier does over all endpoints.
func (r enumResult) worst() (string, float64) {
	name, v := "", 0.0
	for _, n := range r.order {
		if r.auc[n] > v {
			name, v = n, r.auc[n]
		}
	}
	return name, v
}

// measureEnumeration sends interleaved requests for known and unknown
// addresses to forgot password, resend confirmation and register, and
// computes for each the area under the ROC curve of "slower means known"
// (Mann–Whitney): 0.5 is a coin toss; max(AUC, 1−AUC) is the accuracy of
// the best one-request threshold classifier's ranking.
func measureEnumeration(ctx context.Context, base, runID string, accounts []*account, p *progress) (enumResult, error) {
	c := newClient(base)
	pending := make([]string, 0, enumRequests/2)
	for i := 0; i < enumRequests/2; i++ {
		a := &account{email: fmt.Sprintf("enum-pending-%s-%03d@example.com", runID, i)}
		if err := c.newSession(ctx, a); err != nil {
			return enumResult{}, err
		}
		status, body, err := c.call(ctx, a, http.MethodPost, api.PathRegister, registration(a.email))
		if err != nil || status != http.StatusAccepted {
			return enumResult{}, fmt.Errorf("pending registration: %d %s %v", status, body, err)
		}
		pending = append(pending, a.email)
	}
	var confirmed []string
	for _, a := range accounts {
		confirmed = append(confirmed, a.email)
	}
	if len(confirmed) == 0 {
		return enumResult{}, fmt.Errorf("no accounts to ask about")
	}
	endpoints := []enumEndpoint{
		{"forgot", api.PathForgot, func(e string) any { return api.EmailRequest{Email: e} }, confirmed},
		{"resend", api.PathRegisterResend, func(e string) any { return api.EmailRequest{Email: e} }, pending},
		{"register", api.PathRegister, func(e string) any { return registration(e) }, confirmed},
	}
	res := enumResult{auc: map[string]float64{}, p50: map[string][2]float64{}}
	session := &account{}
	if err := c.newSession(ctx, session); err != nil {
		return res, err
	}
	for _, ep := range endpoints {
		p.printf("enumeration: %d requests to %s", enumRequests, ep.path)
		var known, unknown []float64
		kinds := make([]bool, enumRequests)
		for i := range kinds {
			kinds[i] = i%2 == 0
		}
		rand.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
		for i, isKnown := range kinds {
			email := fmt.Sprintf("enum-nobody-%s-%s-%04d@example.com", runID, ep.name, i)
			if isKnown {
				email = ep.known[i%len(ep.known)]
			}
			start := time.Now()
			status, body, err := c.call(ctx, session, http.MethodPost, ep.path, ep.body(email))
			took := float64(time.Since(start).Microseconds()) / 1000
			if err != nil || status != http.StatusAccepted {
				return res, fmt.Errorf("%s: %d %s %v", ep.path, status, body, err)
			}
			if isKnown {
				known = append(known, took)
			} else {
				unknown = append(unknown, took)
			}
		}
		auc := rocAUC(known, unknown)
		res.auc[ep.name] = max(auc, 1-auc)
		res.p50[ep.name] = [2]float64{percentile(known, 0.5), percentile(unknown, 0.5)}
		res.order = append(res.order, ep.name)
	}
	return res, nil
}

// rocAUC is the probability that a random value of a is above a random
// value of b (ties count half).
func rocAUC(a, b []float64) float64 {
	sort.Float64s(b)
	var sum float64
	for _, x := range a {
		lo := sort.SearchFloat64s(b, x)
		hi := sort.Search(len(b), func(i int) bool { return b[i] > x })
		sum += float64(lo) + float64(hi-lo)/2
	}
	return sum / float64(len(a)*len(b))
}

func registration(email string) api.RegisterRequest {
	return api.RegisterRequest{
		Email: email, Password: benchPassword,
		PersonalData: api.PersonalData{Salutation: "ms", FirstName: "Jana", LastName: "Keller",
			Street: "Petuelring 130", Postcode: "80809", City: "München", Country: "DE"},
		AcceptTerms: true, AcceptPrivacy: true,
	}
}
