using Evidentia.Core.Answers;
using Evidentia.Core.Articles;
using Evidentia.Web.Answering;
using Evidentia.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evidentia.Web.Pages.Answers;

/// <summary>
/// The answer page, at an answer id (one audience variant) or at the question's slug (the variant for the
/// reader's remembered audience). <c>?audience=</c> switches the audience, remembers it and shows that variant.
/// </summary>
public sealed class ShowModel(AnswerService answers, IArticleStore articles) : PageModel
{
    public Article Article { get; private set; } = null!;

    public Answer Answer => Article.Answer;

    /// <summary>The thread this answer was reached in, when it was.</summary>
    public string? ThreadId { get; private set; }

    /// <summary>Other articles of the library on the same topic.</summary>
    public IReadOnlyList<Article> SameTopic { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, string? audience, string? thread, CancellationToken cancellationToken)
    {
        try
        {
            return await ShowAsync(key, audience, thread, cancellationToken);
        }
        catch (ComposeLimitException)
        {
            // A missing audience variant would be composed: new work, limited per address like a new question.
            Response.Headers.RetryAfter = "60";
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
    }

    private async Task<IActionResult> ShowAsync(string key, string? audience, string? thread, CancellationToken cancellationToken)
    {
        ThreadId = string.IsNullOrWhiteSpace(thread) ? null : thread;
        var remembered = AudiencePreference.Get(HttpContext);
        if (AudiencePreference.Parse(audience) is { } chosen)
        {
            AudiencePreference.Set(HttpContext, chosen);
            if (await answers.FindAsync(key, null, cancellationToken) is not { } current)
            {
                return NotFound();
            }

            var variant = await answers.VariantAsync(current, chosen, cancellationToken);
            return Redirect($"/answers/{variant.Id}{(ThreadId is null ? "" : "?thread=" + Uri.EscapeDataString(ThreadId))}");
        }

        if (await answers.FindAsync(key, remembered, cancellationToken) is not { } article)
        {
            return NotFound();
        }

        Article = article;
        if (Answer.Focus is { } focus)
        {
            SameTopic = (await articles.ListAsync(new ArticleQuery { Topic = focus, Limit = 6 }, cancellationToken))
                .Where(a => a.Slug != article.Slug).Take(5).ToList();
        }

        return Page();
    }
}
