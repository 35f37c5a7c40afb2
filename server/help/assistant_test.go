package help

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/minicorp/miniid/server/internal/testenv"
)

func TestAssistantAccuracy(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	ctx := context.Background()
	right := 0
	for _, tc := range accuracyTable {
		a, err := s.answerer.Answer(ctx, tc.q, English)
		if err != nil {
			t.Fatalf("%q: %v", tc.q, err)
		}
		got := "(none)"
		if a.Found {
			got = a.Article.Slug
		}
		if got == tc.slug {
			right++
			continue
		}
		t.Logf("miss: %q → %s (want %s)", tc.q, got, tc.slug)
	}
	pct := 100 * float64(right) / float64(len(accuracyTable))
	t.Logf("assistant accuracy: %d/%d = %.1f%%", right, len(accuracyTable), pct)
	if len(accuracyTable) < 40 {
		t.Errorf("the table has %d questions, want at least 40", len(accuracyTable))
	}
	if pct < 85 {
		t.Errorf("assistant accuracy %.1f%% is below 85%%", pct)
	}
}

func TestAssistantSaysWhenItHasNoAnswer(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	for _, q := range unanswerable {
		a, err := s.answerer.Answer(context.Background(), q, English)
		if err != nil {
			t.Fatal(err)
		}
		if a.Found {
			t.Errorf("%q: answered from %s, want no answer", q, a.Article.Slug)
			continue
		}
		if a.Text != NoAnswer[a.Lang] {
			t.Errorf("%q: text %q, want the no-answer message in %s", q, a.Text, a.Lang)
		}
		if len(a.Suggestions) == 0 || len(a.Suggestions) > 3 {
			t.Errorf("%q: %d suggestions, want 1 to 3", q, len(a.Suggestions))
		}
	}
}

func TestAssistantQuestionLimits(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	ctx := context.Background()
	ok200 := strings.Repeat("ä", 191) + " password"
	if utf8.RuneCountInString(ok200) != 200 {
		t.Fatal("bad fixture")
	}
	tests := []struct {
		name, q string
		want    error
	}{
		{"empty", "", ErrQuestionEmpty},
		{"blank", " \t\n ", ErrQuestionEmpty},
		{"200 characters", ok200, nil},
		{"201 characters", ok200 + "?", ErrQuestionTooLong},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := ValidateQuestion(tc.q); !errors.Is(err, tc.want) {
				t.Fatalf("ValidateQuestion: %v, want %v", err, tc.want)
			}
			_, err := s.Ask(ctx, tc.q, English)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Ask: %v, want %v", err, tc.want)
			}
			if _, err := s.answerer.Answer(ctx, tc.q, English); !errors.Is(err, tc.want) {
				t.Fatalf("Answer: %v, want %v", err, tc.want)
			}
		})
	}
}

func TestAssistantAnswersInTheQuestionsLanguage(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	ctx := context.Background()
	a, err := s.Ask(ctx, "wie schalte ich die zwei faktor sache ein", English)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Found || a.Lang != German || a.Article.Slug != "two-factor-activate" || a.Article.Title != "Zwei-Faktor-Authentifizierung aktivieren" {
		t.Fatalf("answer %+v", a)
	}
	// The answer is the steps, in German, as plain text.
	for _, want := range []string{"„ZWEI-FAKTOR-AUTHENTIFIZIERUNG“", "„WEITER“", "„Aktivierungscode“"} {
		if !strings.Contains(a.Answer, want) {
			t.Errorf("answer lacks %s:\n%s", want, a.Answer)
		}
	}
	if strings.Contains(a.Answer, "<") || utf8.RuneCountInString(a.Answer) > MaxAnswer {
		t.Errorf("answer not short plain text (%d characters):\n%s", utf8.RuneCountInString(a.Answer), a.Answer)
	}

	a, err = s.Ask(ctx, "I never got the code for logging in", English)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Found || a.Lang != English || a.Article.Slug != "two-factor-no-code" || !strings.Contains(a.Answer, "spam") {
		t.Fatalf("answer %+v", a)
	}

	a, err = s.Ask(ctx, "Wie viel kostet ein MINI Cooper?", English)
	if err != nil {
		t.Fatal(err)
	}
	if a.Found || a.Lang != German || a.Answer != "Darauf habe ich keine gute Antwort – diese Artikel könnten helfen" || a.Article != nil || len(a.Suggestions) == 0 {
		t.Fatalf("answer %+v", a)
	}
	a, _ = s.Ask(ctx, "what's the weather in Munich", English)
	if a.Found || a.Answer != "I don't have an answer for that — here are articles that may help" {
		t.Fatalf("answer %+v", a)
	}
}

func TestEveryAnswerFitsTheLimit(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	for _, tc := range accuracyTable {
		a, err := s.answerer.Answer(context.Background(), tc.q, English)
		if err != nil {
			t.Fatal(err)
		}
		if n := utf8.RuneCountInString(a.Text); a.Found && (n == 0 || n > MaxAnswer) {
			t.Errorf("%q: answer of %d characters", tc.q, n)
		}
	}
}

func TestRetrieveGivesGroundingPassages(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	ps, err := s.Retrieve(context.Background(), "How do I change my password?", English, 2)
	if err != nil {
		t.Fatal(err)
	}
	articles := map[string]bool{}
	for i, p := range ps {
		articles[p.Article.Slug] = true
		if p.Text == "" || p.Article.Lang != English || p.Confidence < 0 || p.Confidence > 1 {
			t.Errorf("passage %+v", p)
		}
		if i > 0 && p.Score > ps[i-1].Score {
			t.Errorf("passages not ordered by article score")
		}
	}
	if len(articles) != 2 || ps[0].Article.Slug != "change-password" {
		t.Fatalf("passages from %v, first %s", articles, ps[0].Article.Slug)
	}
}

// fakeModel stands in for a hosted language model behind the same endpoint.
type fakeModel struct{ r Retriever }

func (f fakeModel) Answer(ctx context.Context, q, lang string) (Answer, error) {
	ps, err := f.r.Retrieve(ctx, q, English, 1)
	if err != nil || len(ps) == 0 {
		return Answer{}, err
	}
	return Answer{Found: true, Lang: English, Text: "Model says: " + ps[0].Text, Article: &ps[0].Article}, nil
}

func TestAnswererCanBeReplaced(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	s.UseAnswerer(fakeModel{r: s})
	a, err := s.Ask(context.Background(), "how do I change my password", English)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Answer, "Model says: ") || a.Article.Slug != "change-password" {
		t.Fatalf("answer %+v", a)
	}
	if _, err := s.Ask(context.Background(), "", English); !errors.Is(err, ErrQuestionEmpty) {
		t.Fatalf("empty question reached the model: %v", err)
	}
}

func TestDetectLang(t *testing.T) {
	tests := []struct {
		q, lang string
		sure    bool
	}{
		{"how do I change my password", English, true},
		{"Wie ändere ich mein Passwort?", German, true},
		{"Passwort vergessen", German, true},
		{"Löschen", German, true},
		{"2FA", English, false},
	}
	for _, tc := range tests {
		lang, sure := DetectLang(tc.q)
		if lang != tc.lang || sure != tc.sure {
			t.Errorf("DetectLang(%q) = %s, %v; want %s, %v", tc.q, lang, sure, tc.lang, tc.sure)
		}
	}
}
