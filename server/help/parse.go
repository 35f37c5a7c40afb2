package help

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Article is one parsed article in one language. Title, Topic and Body may
// still hold the {brand} placeholder until WithBrand replaces it.
type Article struct {
	Slug  string
	Lang  string
	Topic string // topic path, the same in every language: "Account/{brand} ID/Login"
	Title string
	// Related are the slugs of related articles, in the order written.
	Related []string
	// Intent is what the article helps to do, when it is one of the
	// intents a question can name (see intents.go): "activate", "forgot" …
	Intent string
	// Questions are example questions the article answers, in its
	// language, as a customer would ask them: the assistant matches
	// questions against them too.
	Questions []string
	// Body is the Markdown after the front matter.
	Body string
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Parse reads every article of fsys (laid out as <lang>/<slug>.md) and
// validates it: the front matter has slug, lang, topic, title and related;
// the slug matches the file name and the lang its folder; title, topic and
// body are not empty; every related slug exists; every slug exists in every
// language, under the same topic and with the same related slugs. All
// problems are reported at once, each naming its file.
func Parse(fsys fs.FS) ([]Article, error) {
	var (
		arts []Article
		errs []error
	)
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || path.Ext(name) != ".md" {
			return nil
		}
		a, err := parseFile(fsys, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("help: parse %s: %w", name, err))
			return nil
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("help: read articles: %w", err)
	}
	errs = append(errs, crossCheck(arts)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(arts) == 0 {
		return nil, errors.New("help: parse: no articles")
	}
	sort.Slice(arts, func(i, j int) bool {
		if arts[i].Slug != arts[j].Slug {
			return arts[i].Slug < arts[j].Slug
		}
		return arts[i].Lang < arts[j].Lang
	})
	return arts, nil
}

func parseFile(fsys fs.FS, name string) (Article, error) {
	var a Article
	dir, file := path.Split(name)
	folder := strings.TrimSuffix(dir, "/")
	if folder != English && folder != German {
		return a, fmt.Errorf("folder %q is not a language (want %s or %s)", folder, English, German)
	}
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		return a, err
	}
	meta, lists, body, err := splitFrontMatter(string(raw))
	if err != nil {
		return a, err
	}
	a = Article{
		Slug:      meta["slug"],
		Lang:      meta["lang"],
		Topic:     meta["topic"],
		Title:     meta["title"],
		Intent:    meta["intent"],
		Questions: lists["questions"],
		Body:      strings.TrimSpace(body),
	}
	for r := range strings.SplitSeq(meta["related"], ",") {
		if r = strings.TrimSpace(r); r != "" {
			a.Related = append(a.Related, r)
		}
	}
	var problems []string
	if want := strings.TrimSuffix(file, ".md"); a.Slug != want {
		problems = append(problems, fmt.Sprintf("slug %q does not match the file name %q", a.Slug, want))
	}
	if !slugPattern.MatchString(a.Slug) {
		problems = append(problems, fmt.Sprintf("slug %q is not lower-case words joined by hyphens", a.Slug))
	}
	if a.Lang != folder {
		problems = append(problems, fmt.Sprintf("lang %q does not match the folder %q", a.Lang, folder))
	}
	if a.Title == "" {
		problems = append(problems, "title is empty")
	}
	if a.Topic == "" {
		problems = append(problems, "topic is empty")
	} else if slices.Contains(strings.Split(a.Topic, "/"), "") {
		problems = append(problems, fmt.Sprintf("topic %q has an empty segment", a.Topic))
	}
	if a.Body == "" {
		problems = append(problems, "body is empty")
	}
	if slices.Contains(a.Related, a.Slug) {
		problems = append(problems, "related lists the article itself")
	}
	if a.Intent != "" && !slices.Contains(intentNames, a.Intent) {
		problems = append(problems, fmt.Sprintf("intent %q is unknown (want one of %s)", a.Intent, strings.Join(intentNames, ", ")))
	}
	for _, q := range a.Questions {
		if strings.TrimSpace(q) == "" {
			problems = append(problems, "an example question is empty")
		}
	}
	if len(problems) > 0 {
		return a, errors.New(strings.Join(problems, "; "))
	}
	return a, nil
}

var (
	frontMatterKeys  = []string{"slug", "lang", "topic", "title", "related", "intent"}
	frontMatterLists = []string{"questions"}
)

// splitFrontMatter reads the block between the first two "---" lines as
// "key: value" lines, and lists as a "key:" line followed by "- item"
// lines. Values may be wrapped in double quotes.
func splitFrontMatter(raw string) (map[string]string, map[string][]string, string, error) {
	raw = strings.TrimPrefix(raw, "\ufeff")
	sc := bufio.NewScanner(strings.NewReader(raw))
	if !sc.Scan() || strings.TrimSpace(sc.Text()) != "---" {
		return nil, nil, "", errors.New("front matter missing: the file must start with a --- line")
	}
	meta, lists := map[string]string{}, map[string][]string{}
	offset := len(sc.Text()) + 1
	closed := false
	list := "" // the list the "- " lines belong to
	for sc.Scan() {
		line := sc.Text()
		offset += len(line) + 1
		trimmed := strings.TrimSpace(line)
		if trimmed == "---" {
			closed = true
			break
		}
		if trimmed == "" {
			continue
		}
		if item, ok := strings.CutPrefix(trimmed, "- "); ok {
			if list == "" {
				return nil, nil, "", fmt.Errorf("front matter line %q is a list item outside a list (lists: %s)", line, strings.Join(frontMatterLists, ", "))
			}
			lists[list] = append(lists[list], unquote(strings.TrimSpace(item)))
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, nil, "", fmt.Errorf("front matter line %q is not key: value", line)
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		_, dupValue := meta[key]
		_, dupList := lists[key]
		if dupValue || dupList {
			return nil, nil, "", fmt.Errorf("front matter key %q is repeated", key)
		}
		list = ""
		switch {
		case slices.Contains(frontMatterLists, key) && value == "":
			list = key
			lists[key] = nil
		case slices.Contains(frontMatterKeys, key):
			meta[key] = unquote(value)
		default:
			return nil, nil, "", fmt.Errorf("front matter key %q is unknown (want %s, or the list %s)", key,
				strings.Join(frontMatterKeys, ", "), strings.Join(frontMatterLists, ", "))
		}
	}
	if !closed {
		return nil, nil, "", errors.New("front matter is not closed by a --- line")
	}
	if offset > len(raw) {
		offset = len(raw)
	}
	return meta, lists, raw[offset:], nil
}

// unquote removes one pair of surrounding double quotes.
func unquote(value string) string {
	if len(value) >= 2 && value[0] == '"' && value[len(value)-1] == '"' {
		return value[1 : len(value)-1]
	}
	return value
}

// crossCheck validates what spans files: related slugs and translations.
func crossCheck(arts []Article) []error {
	byLang := map[string]map[string]Article{}
	slugs := map[string]bool{}
	for _, a := range arts {
		if byLang[a.Lang] == nil {
			byLang[a.Lang] = map[string]Article{}
		}
		byLang[a.Lang][a.Slug] = a
		slugs[a.Slug] = true
	}
	var errs []error
	for _, a := range arts {
		for _, r := range a.Related {
			if _, ok := byLang[a.Lang][r]; !ok {
				errs = append(errs, fmt.Errorf("help: parse %s/%s.md: related slug %q does not exist in %s", a.Lang, a.Slug, r, a.Lang))
			}
		}
	}
	all := make([]string, 0, len(slugs))
	for s := range slugs {
		all = append(all, s)
	}
	sort.Strings(all)
	for _, s := range all {
		en, hasEN := byLang[English][s]
		for _, lang := range languages {
			if _, ok := byLang[lang][s]; !ok {
				errs = append(errs, fmt.Errorf("help: parse: article %q has no %s translation (add %s/%s.md)", s, lang, lang, s))
			}
		}
		de, hasDE := byLang[German][s]
		if !hasEN || !hasDE {
			continue
		}
		if en.Topic != de.Topic {
			errs = append(errs, fmt.Errorf("help: parse: article %q has topic %q in en but %q in de (topic paths are identifiers: use the English path in both)", s, en.Topic, de.Topic))
		}
		if en.Intent != de.Intent {
			errs = append(errs, fmt.Errorf("help: parse: article %q has intent %q in en but %q in de", s, en.Intent, de.Intent))
		}
		if !slices.Equal(en.Related, de.Related) {
			errs = append(errs, fmt.Errorf("help: parse: article %q relates to %v in en but %v in de", s, en.Related, de.Related))
		}
	}
	return errs
}

// WithBrand returns the article with every {brand} replaced by brand.
func (a Article) WithBrand(brand string) Article {
	r := strings.NewReplacer("{brand}", brand)
	a.Title = r.Replace(a.Title)
	a.Topic = r.Replace(a.Topic)
	a.Body = r.Replace(a.Body)
	qs := make([]string, len(a.Questions))
	for i, q := range a.Questions {
		qs[i] = r.Replace(q)
	}
	a.Questions = qs
	return a
}

// Checksum identifies the article's content: it changes when anything that is
// stored changes.
func (a Article) Checksum() string {
	h := sha256.New()
	for _, s := range []string{a.Slug, a.Lang, a.Topic, a.Title, strings.Join(a.Related, ","), a.Body} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}
