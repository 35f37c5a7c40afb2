package api

// Paths of the help centre and the assistant.
const (
	// PathHelpTree answers GET with the topic tree ([]HelpTopic) in ?lang=.
	PathHelpTree = Prefix + "/help/topics"
	// PathHelpArticle plus a slug answers GET with one HelpArticle in ?lang=.
	PathHelpArticle = Prefix + "/help/articles/"
	// PathHelpSearch answers GET ?q=…&lang= with []HelpSearchResult.
	PathHelpSearch = Prefix + "/help/search"
	// PathHelpVote is the vote endpoint as a Go 1.22 mux pattern: POST a
	// HelpVoteRequest to it (HelpVotePath builds the URL for one slug).
	PathHelpVote = Prefix + "/help/articles/{slug}/vote"
	// PathAssistant answers GET ?q=… with an AssistantAnswer (400 when q is
	// empty or longer than AssistantMaxQuestion characters).
	PathAssistant = Prefix + "/assistant"
)

// AssistantMaxQuestion is the longest question the assistant takes, in
// characters (runes); the browser counts against the same number.
const AssistantMaxQuestion = 200

// HelpVotePath returns the URL path to vote on the article slug.
func HelpVotePath(slug string) string { return PathHelpArticle + slug + "/vote" }

// HelpTopic is one node of the help centre's topic tree.
type HelpTopic struct {
	// Path is the topic's identifier, the same in every language
	// ("Account/MINI ID/Login").
	Path string `json:"path"`
	// Name is the last segment of the path in the requested language.
	Name string `json:"name"`
	// Articles are the articles filed directly under this topic.
	Articles []HelpArticleSummary `json:"articles"`
	// Children are the sub-topics, in name order.
	Children []HelpTopic `json:"children"`
}

// HelpArticleSummary names an article in lists: the tree, most read, related,
// and the assistant's suggestions.
type HelpArticleSummary struct {
	Slug  string `json:"slug"`
	Title string `json:"title"`
	// FirstLine is the opening sentence of the article as plain text.
	FirstLine string `json:"first_line"`
	// Reads counts the days-per-visitor the article was read.
	Reads int64 `json:"reads"`
}

// HelpBreadcrumb is one step of an article's breadcrumb.
type HelpBreadcrumb struct {
	// Path is the topic identifier up to this step.
	Path string `json:"path"`
	// Name is the step's display name in the article's language.
	Name string `json:"name"`
}

// HelpArticle is one article, rendered, with its counters.
type HelpArticle struct {
	Slug  string `json:"slug"`
	Lang  string `json:"lang"`
	Title string `json:"title"`
	// Topic is the topic path identifier ("Account/MINI ID/Login").
	Topic string `json:"topic"`
	// Breadcrumb is the topic path as display names in the article's language.
	Breadcrumb []HelpBreadcrumb `json:"breadcrumb"`
	// HTML is the article body rendered from Markdown with raw HTML disabled:
	// safe to insert as HTML.
	HTML string `json:"html"`
	// Related articles, most read first.
	Related    []HelpArticleSummary `json:"related"`
	HelpfulYes int64                `json:"helpful_yes"`
	HelpfulNo  int64                `json:"helpful_no"`
	// MyVote is the visitor's own vote, nil when they have not voted.
	MyVote *bool `json:"my_vote"`
}

// HelpSearchResult is one search hit.
type HelpSearchResult struct {
	Slug string `json:"slug"`
	// Lang is the language the hit was found in: the requested one first,
	// then the other one.
	Lang  string `json:"lang"`
	Title string `json:"title"`
	// FragmentHTML is an excerpt with the matched words in <mark>; everything
	// else in it is HTML-escaped.
	FragmentHTML string  `json:"fragment_html"`
	Score        float64 `json:"score"`
}

// AssistantAnswer is the assistant's reply to one question.
type AssistantAnswer struct {
	// Found is false when the assistant has no good answer; Answer then says
	// so and Suggestions lists articles that may help.
	Found bool `json:"found"`
	// Answer is plain text (paragraphs separated by blank lines).
	Answer string `json:"answer"`
	// Article is the article the answer came from (nil when not found).
	Article     *HelpArticleSummary  `json:"article"`
	Suggestions []HelpArticleSummary `json:"suggestions"`
	// Contact, when the assistant has no answer, says where to turn
	// instead (plain text); empty when it answered.
	Contact string `json:"contact,omitempty"`
	// Lang is the language of the question and of the answer.
	Lang string `json:"lang"`
}

// HelpVoteRequest is the body of a vote: was the article helpful?
type HelpVoteRequest struct {
	Helpful bool `json:"helpful"`
}

// HelpVoteResponse returns the article's counts after a vote.
type HelpVoteResponse struct {
	HelpfulYes int64 `json:"helpful_yes"`
	HelpfulNo  int64 `json:"helpful_no"`
	MyVote     bool  `json:"my_vote"`
}

// PathHelpMostRead answers GET ?lang= with the most read articles
// ([]HelpArticleSummary).
const PathHelpMostRead = Prefix + "/help/most-read"
