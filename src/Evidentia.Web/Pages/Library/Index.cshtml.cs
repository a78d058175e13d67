using Evidentia.Core.Articles;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evidentia.Web.Pages.Library;

/// <summary>The library of answered questions: browse by topic and question type, search by words of the question.</summary>
public sealed class IndexModel(IArticleStore articles) : PageModel
{
    public string? Query { get; private set; }

    public string? Type { get; private set; }

    public string? Topic { get; private set; }

    public IReadOnlyList<Article> Articles { get; private set; } = [];

    public IReadOnlyList<(string Value, int Count)> Types { get; private set; } = [];

    public IReadOnlyList<(string Value, int Count)> Topics { get; private set; } = [];

    public async Task OnGetAsync(string? q, string? type, string? topic, CancellationToken cancellationToken)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Type = string.IsNullOrWhiteSpace(type) ? null : type;
        Topic = string.IsNullOrWhiteSpace(topic) ? null : topic;
        Articles = await articles.ListAsync(new ArticleQuery { Text = Query, QuestionType = Type, Topic = Topic, Limit = 100 }, cancellationToken);
        var facets = await articles.FacetsAsync(cancellationToken);
        Types = facets.Where(f => f.Kind == "type").Select(f => (f.Value, f.Count)).ToList();
        Topics = facets.Where(f => f.Kind == "topic").Select(f => (f.Value, f.Count)).Take(40).ToList();
    }

    /// <summary>The library URL with one filter changed (null removes it).</summary>
    public string Link(string? type, string? topic)
    {
        var parts = new List<string>();
        if (Query is not null)
        {
            parts.Add("q=" + Uri.EscapeDataString(Query));
        }

        if (type is not null)
        {
            parts.Add("type=" + Uri.EscapeDataString(type));
        }

        if (topic is not null)
        {
            parts.Add("topic=" + Uri.EscapeDataString(topic));
        }

        return "/library" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }
}
