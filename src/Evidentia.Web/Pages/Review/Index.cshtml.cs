using Evidentia.Core.Articles;
using Evidentia.Web.Reviewing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evidentia.Web.Pages.Review;

/// <summary>The review queue: articles by status, oldest first.</summary>
public sealed class IndexModel(IArticleStore articles) : PageModel
{
    public IReadOnlyList<ReviewStatus> Statuses { get; } = [ReviewStatus.Submitted, ReviewStatus.UnderReview, ReviewStatus.ChangesRequested, ReviewStatus.Approved];

    public ReviewStatus Status { get; private set; }

    public Dictionary<ReviewStatus, int> Counts { get; } = [];

    public IReadOnlyList<Article> Articles { get; private set; } = [];

    public ReviewService.Actor Actor { get; private set; } = null!;

    public async Task OnGetAsync(ReviewStatus? status, CancellationToken cancellationToken)
    {
        Actor = ReviewService.Actor.Of(User)!;
        Status = status ?? ReviewStatus.Submitted;
        foreach (var s in Statuses)
        {
            var list = await articles.ListAsync(new ArticleQuery { Status = s, Variants = true, OldestFirst = true, Limit = 200 }, cancellationToken);
            Counts[s] = list.Count;
            if (s == Status)
            {
                Articles = list;
            }
        }
    }
}
