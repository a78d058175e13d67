using Evidentia.Core.Answers;
using Evidentia.Core.Articles;
using Evidentia.Web.Answering;
using Evidentia.Web.Reviewing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evidentia.Web.Pages.Review;

/// <summary>
/// The review page: the draft with every sentence's quotes, the actions the reviewer's role allows now, the edit
/// form (remove or reorder sentences, a reviewer's note), the versions compared word by word, and the answer
/// recomposed with today's index compared with the current version.
/// </summary>
public sealed class ShowModel(IArticleStore articles, ReviewService reviews, AnswerService answers) : PageModel
{
    public Article Article { get; private set; } = null!;

    public IReadOnlyList<ArticleVersion> Versions { get; private set; } = [];

    public IReadOnlyList<ReviewAction> Actions { get; private set; } = [];

    public ReviewService.Actor Actor { get; private set; } = null!;

    /// <summary>The comparison shown: a version with the one before it, or the current version with a fresh composition.</summary>
    public (string Title, IReadOnlyList<DiffSegment> Segments)? Comparison { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, int? compare, bool replay, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (compare is { } v && v >= 2 && v <= Versions.Count)
        {
            Comparison = ($"Version {v - 1} → version {v}", VersionDiff.Compare(Versions[v - 2].Answer, Versions[v - 1].Answer));
        }
        else if (replay)
        {
            var fresh = await answers.RecomposeAsync(Article, cancellationToken);
            Comparison = ($"Version {Article.Version} → composed now from the current index", VersionDiff.Compare(Article.Answer, fresh));
        }

        return Page();
    }

    public Task<IActionResult> OnPostStartAsync(string id, int version, CancellationToken cancellationToken) =>
        ActAsync(id, version, ReviewAction.StartReview, null, null, cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(string id, int version, CancellationToken cancellationToken) =>
        ActAsync(id, version, ReviewAction.Approve, null, null, cancellationToken);

    public Task<IActionResult> OnPostRequestChangesAsync(string id, int version, string? note, CancellationToken cancellationToken) =>
        ActAsync(id, version, ReviewAction.RequestChanges, note, null, cancellationToken);

    public Task<IActionResult> OnPostResubmitAsync(string id, int version, string? note, CancellationToken cancellationToken) =>
        ActAsync(id, version, ReviewAction.Resubmit, note, null, cancellationToken);

    /// <summary>Keeps the checked sentences, ordered by their order fields within their part, with the reviewer's note.</summary>
    public Task<IActionResult> OnPostEditAsync(string id, int version, string[]? keep, string? reviewerNote, string? note, CancellationToken cancellationToken)
    {
        var order = (keep ?? []).Select((key, i) => (key, position: double.TryParse(Request.Form[$"order-{key}"], System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : i))
            .OrderBy(k => k.position).Select(k => k.key).ToList();
        return ActAsync(id, version, ReviewAction.Edit, note, new ReviewService.EditRequest(order, reviewerNote), cancellationToken);
    }

    private async Task<IActionResult> ActAsync(
        string id, int version, ReviewAction action, string? note, ReviewService.EditRequest? edit, CancellationToken cancellationToken)
    {
        var result = await reviews.ActAsync(id, version, action, ReviewService.Actor.Of(User)!, note, edit, cancellationToken);
        switch (result.Outcome)
        {
            case ReviewOutcome.Done:
                return Redirect($"/review/{Uri.EscapeDataString(id)}");
            case ReviewOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case ReviewOutcome.NotFound:
                return NotFound();
            default:
                await LoadAsync(id, cancellationToken);
                Message = result.Message;
                Response.StatusCode = result.Outcome == ReviewOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
                return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await articles.GetAsync(id, cancellationToken) is not { } article)
        {
            return false;
        }

        Actor = ReviewService.Actor.Of(User)!;
        Article = article;
        Versions = await articles.VersionsAsync(id, cancellationToken);
        Actions = ReviewWorkflow.Available(article.Status, Actor.Role);
        return true;
    }

    public static string Cited(AnswerItem item) => string.Join(",", item.Citations);
}
