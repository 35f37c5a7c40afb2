package apiclient

import (
	"net/url"

	"github.com/minicorp/miniid/shared/api"
)

// HelpTopics reads the help centre's topic tree in lang.
func (c *Client) HelpTopics(lang string) ([]api.HelpTopic, error) {
	return get[[]api.HelpTopic](c, withQuery(api.PathHelpTree, "lang", lang))
}

// HelpMostRead lists the most read articles in lang.
func (c *Client) HelpMostRead(lang string) ([]api.HelpArticleSummary, error) {
	return get[[]api.HelpArticleSummary](c, withQuery(api.PathHelpMostRead, "lang", lang))
}

// HelpSearch searches the articles, lang first.
func (c *Client) HelpSearch(lang, q string) ([]api.HelpSearchResult, error) {
	return get[[]api.HelpSearchResult](c, withQuery(api.PathHelpSearch, "lang", lang, "q", q))
}

// HelpArticle reads one article in lang; a 404 *Error when there is none.
func (c *Client) HelpArticle(slug, lang string) (api.HelpArticle, error) {
	return get[api.HelpArticle](c, withQuery(api.PathHelpArticle+url.PathEscape(slug), "lang", lang))
}

// HelpVote records whether the article slug was helpful.
func (c *Client) HelpVote(slug string, r api.HelpVoteRequest) (api.HelpVoteResponse, error) {
	return post[api.HelpVoteResponse](c, api.HelpVotePath(url.PathEscape(slug)), r)
}

// Assistant asks the help assistant a question.
func (c *Client) Assistant(q string) (api.AssistantAnswer, error) {
	return get[api.AssistantAnswer](c, withQuery(api.PathAssistant, "q", q))
}

// withQuery adds name, value pairs to path as its query.
func withQuery(path string, pairs ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Set(pairs[i], pairs[i+1])
	}
	return path + "?" + v.Encode()
}
