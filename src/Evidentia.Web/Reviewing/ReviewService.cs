using System.Security.Claims;
using System.Text.Json;
using Evidentia.Core.Accounts;
using Evidentia.Core.Articles;
using Evidentia.Core.Audit;
using Evidentia.Web.Accounts;

namespace Evidentia.Web.Reviewing;

/// <summary>
/// The review board's actions on an article: each checked against the user's role and the workflow, applied only
/// to the version the reviewer saw (so two reviewers cannot overwrite each other), and recorded in the audit trail.
/// </summary>
public sealed class ReviewService(IArticleStore articles, IAuditLog audit, TimeProvider clock)
{
    /// <summary>The signed-in reviewer or editor behind an action.</summary>
    public sealed record Actor(string Name, string DisplayName, string? Credentials, Role Role)
    {
        public static Actor? Of(ClaimsPrincipal user) =>
            user.Identity?.IsAuthenticated == true && Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var role)
                ? new Actor(user.Identity.Name!, user.FindFirstValue(AccountService.DisplayNameClaim) ?? user.Identity.Name!, user.FindFirstValue(AccountService.CredentialsClaim), role)
                : null;
    }

    /// <summary>An edit: the sentences kept, in order (keys of <see cref="ArticleEdit.Items"/>), and a reviewer's note.</summary>
    public sealed record EditRequest(IReadOnlyList<string> Keep, string? ReviewerNote);

    public async Task<ReviewResult> ActAsync(
        string id, int expectedVersion, ReviewAction action, Actor actor, string? note, EditRequest? edit, CancellationToken cancellationToken)
    {
        if (!ReviewWorkflow.Allows(actor.Role, action))
        {
            return ReviewResult.Forbidden;
        }

        if (await articles.GetAsync(id, cancellationToken) is not { } article)
        {
            return ReviewResult.NotFound;
        }

        if (article.Version != expectedVersion || ReviewWorkflow.Next(article.Status, action, actor.Role) is not { } next)
        {
            return ReviewResult.Conflict($"The article is now {Label(article.Status)} at version {article.Version}; reload it and try again.");
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (action == ReviewAction.RequestChanges && note is null)
        {
            return ReviewResult.Invalid("Say what should change.");
        }

        if (note?.Length > ArticleEdit.MaxNoteLength)
        {
            return ReviewResult.Invalid($"A note is at most {ArticleEdit.MaxNoteLength:N0} characters.");
        }

        Article? changed;
        object details;
        if (action == ReviewAction.Edit)
        {
            if (edit is null)
            {
                return ReviewResult.Invalid("An edit says which sentences to keep.");
            }

            Core.Answers.Answer edited;
            try
            {
                edited = ArticleEdit.Apply(article.Answer, edit.Keep, edit.ReviewerNote);
            }
            catch (ArgumentException e)
            {
                return ReviewResult.Invalid(e.Message);
            }

            var previous = (await articles.VersionsAsync(id, cancellationToken))[^1];
            changed = await articles.AddVersionAsync(id, article.Version, edited, previous.Snapshot, actor.Name, note, next, cancellationToken);
            details = new { from = article.Status.ToString(), to = next.ToString(), kept = edit.Keep, reviewerNote = edited.ReviewerNote, note };
        }
        else
        {
            var approval = next == ReviewStatus.Approved ? new Approval(actor.DisplayName, actor.Credentials, clock.GetUtcNow()) : null;
            var reason = action == ReviewAction.RequestChanges ? note : null;
            changed = await articles.SetStatusAsync(id, article.Status, article.Version, next, reason, approval, cancellationToken);
            details = new { from = article.Status.ToString(), to = next.ToString(), note };
        }

        if (changed is null)
        {
            return ReviewResult.Conflict("Someone changed the article first; reload it and try again.");
        }

        await audit.AppendAsync(actor.Name, action.ToString(), $"article {id} v{article.Version}", JsonSerializer.Serialize(details), cancellationToken);
        return ReviewResult.Done(changed);
    }

    public static string Label(ReviewStatus status) => status switch
    {
        ReviewStatus.UnderReview => "Under review",
        ReviewStatus.ChangesRequested => "Changes requested",
        _ => status.ToString(),
    };
}

/// <summary>What became of a review action.</summary>
public sealed record ReviewResult(ReviewOutcome Outcome, Article? Article, string? Message)
{
    public static readonly ReviewResult Forbidden = new(ReviewOutcome.Forbidden, null, "Your role cannot do this.");
    public static readonly ReviewResult NotFound = new(ReviewOutcome.NotFound, null, "No such article.");

    public static ReviewResult Done(Article article) => new(ReviewOutcome.Done, article, null);

    public static ReviewResult Conflict(string message) => new(ReviewOutcome.Conflict, null, message);

    public static ReviewResult Invalid(string message) => new(ReviewOutcome.Invalid, null, message);
}

public enum ReviewOutcome
{
    Done,
    Forbidden,
    NotFound,
    Conflict,
    Invalid,
}
