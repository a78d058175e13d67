using Evidentia.Core.Articles;
using Evidentia.Core.Documents;

namespace Evidentia.Web.Apis;

/// <summary>A new question: <c>POST /api/answers</c>.</summary>
/// <param name="Question">The question in plain words (1 to 2,000 characters).</param>
/// <param name="Audience">physician, nurse, pharmacist, student or patient; physician when absent.</param>
public sealed record AskRequest(string? Question, string? Audience);

/// <summary>A follow-up to an answer: <c>POST /api/answers/{id}/follow-ups</c>.</summary>
/// <param name="Question">The follow-up ("and in children?").</param>
/// <param name="Audience">As for a new question; the parent answer's audience when absent.</param>
/// <param name="ConversationId">The thread to continue; a new thread starting with the parent answer when absent or unknown.</param>
public sealed record FollowUpRequest(string? Question, string? Audience, string? ConversationId);

/// <summary>An article of the library, without its full answer.</summary>
public sealed record ArticleSummary(
    string Id, string Slug, string Question, string Audience, string? QuestionType, string? Topic, string Outcome,
    ReviewStatus Status, DateTimeOffset UpdatedUtc)
{
    public static ArticleSummary Of(Article a) => new(
        a.Id, a.Slug, a.Answer.Question, a.Answer.Audience.ToString().ToLowerInvariant(), a.Answer.QuestionType, a.Answer.Focus,
        a.Answer.Outcome.ToString(), a.Status, a.UpdatedUtc);
}

/// <summary>A search result: the same fields as <c>evidentia search --json</c>.</summary>
public sealed record SearchResult(int Rank, string Id, string Collection, string Title, double Score);

/// <summary>A stored document as quotes are cut from it: <c>start</c>/<c>end</c> of a quote index into <see cref="Text"/>.</summary>
public sealed record SourceDocument(
    string Id, string Collection, string Title, string? Source, int? Year, EvidenceLevel EvidenceLevel, string? Url, bool Citable,
    string Text, IReadOnlyList<SourceSectionView> Sections)
{
    public static SourceDocument Of(Document d) => new(
        d.Id, d.Collection, d.Title, d.Source, d.Year, d.EvidenceLevel, d.Url, d.Citable, d.Text,
        d.Sections.Select(s => new SourceSectionView(s.Heading, s.Span.Start, s.Span.End)).ToList());
}

/// <summary>A section of a source's text: [start, end) with the heading it had.</summary>
public sealed record SourceSectionView(string Heading, int Start, int End);

/// <summary>One turn of a thread.</summary>
public sealed record ThreadTurn(int Turn, string Question, string AnswerId, string Slug, string Outcome);
