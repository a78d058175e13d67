using Evidentia.Core.Answers;
using Evidentia.Core.Articles;
using Evidentia.Web.Answering;
using Evidentia.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evidentia.Web.Pages;

/// <summary>Home: the ask box, example questions the corpus answers, approved and recent articles.</summary>
public sealed class IndexModel(IArticleStore articles, ExampleQuestions examples) : PageModel
{
    public Audience Audience { get; private set; } = Audience.Physician;

    public IReadOnlyList<string> Examples { get; private set; } = [];

    public IReadOnlyList<Article> Approved { get; private set; } = [];

    public IReadOnlyList<Article> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Audience = AudiencePreference.Get(HttpContext) ?? Audience.Physician;
        Examples = await examples.GetAsync();
        Approved = await articles.ListAsync(new ArticleQuery { Status = ReviewStatus.Approved, Limit = 8 }, cancellationToken);
        Recent = await articles.ListAsync(new ArticleQuery { Limit = 8 }, cancellationToken);
    }
}
