using Evidentia.Core.Answers;
using Evidentia.Web.Answering;
using Evidentia.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Evidentia.Web.Pages;

/// <summary>
/// Everything that composes a new answer from a page: the ask box (POST), a follow-up (POST with its parent), and
/// a related or example question's link (GET ?q=). Each ends on the article's page; the answer is kept in the library.
/// </summary>
[EnableRateLimiting(EvidentiaWeb.AskPolicy)]
public sealed class AskModel(AnswerService answers) : PageModel
{
    public string? Question { get; private set; }

    public Audience Audience { get; private set; } = Audience.Physician;

    public string? Error { get; private set; }

    /// <summary>A linked question (related, example): answered like a posted one, since the same question gets the same answer.</summary>
    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        Audience = AudiencePreference.Get(HttpContext) ?? Audience.Physician;
        if (string.IsNullOrWhiteSpace(q))
        {
            return Page();
        }

        return await AnswerAsync(q, null, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? question, string? audience, string? parent, string? thread, CancellationToken cancellationToken)
    {
        var chosen = AudiencePreference.Parse(audience);
        Audience = chosen ?? AudiencePreference.Get(HttpContext) ?? Audience.Physician;
        if (chosen is { } a)
        {
            AudiencePreference.Set(HttpContext, a);
        }

        return await AnswerAsync(question, parent, thread, cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(string? question, string? parent, string? thread, CancellationToken cancellationToken)
    {
        Question = question;
        if (QuestionRules.Validate(question) is { } error)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (parent is null)
        {
            var article = await answers.AskAsync(question!, Audience, cancellationToken);
            return Redirect($"/answers/{article.Id}");
        }

        if (await answers.FindAsync(parent, null, cancellationToken) is not { } parentArticle)
        {
            return NotFound();
        }

        var followUp = await answers.FollowUpAsync(parentArticle, question!, Audience, thread, cancellationToken);
        return Redirect($"/answers/{followUp.Id}?thread={Uri.EscapeDataString(followUp.Answer.ConversationId ?? "")}");
    }
}
