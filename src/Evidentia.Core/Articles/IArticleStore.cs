using Evidentia.Core.Answers;

namespace Evidentia.Core.Articles;

/// <summary>
/// The library of answered questions (SQLite embedded, PostgreSQL scaled out): articles, their versions, their
/// review status, and the documents their current version cites. Status changes and new versions are
/// compare-and-set, so two nodes or two reviewers cannot overwrite each other.
/// </summary>
public interface IArticleStore
{
    /// <summary>
    /// Keeps a newly composed answer as version 1 of a new, <see cref="ReviewStatus.Submitted"/> article; an article
    /// that already has this id is returned unchanged (a kept article changes only by versions and reviews).
    /// </summary>
    Task<Article> SaveAsync(Answer answer, ArticleSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>The article with this answer id, or null.</summary>
    Task<Article?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The variants of the question with this slug (one per audience), newest first.</summary>
    Task<IReadOnlyList<Article>> GetBySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>Articles newest first, one per question (its most recently updated variant), or every variant when <see cref="ArticleQuery.Variants"/>.</summary>
    Task<IReadOnlyList<Article>> ListAsync(ArticleQuery query, CancellationToken cancellationToken);

    /// <summary>Topics (question focus) and question types of the library with their article counts.</summary>
    Task<IReadOnlyList<(string Kind, string Value, int Count)>> FacetsAsync(CancellationToken cancellationToken);

    /// <summary>Every version of an article, oldest first.</summary>
    Task<IReadOnlyList<ArticleVersion>> VersionsAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a version and sets the status, if the article is still at <paramref name="expectedVersion"/>; null when it
    /// is not (someone else changed it first) or does not exist.
    /// </summary>
    Task<Article?> AddVersionAsync(
        string id, int expectedVersion, Answer answer, ArticleSnapshot snapshot, string author, string? note, ReviewStatus status, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the status, its reason and the approval, if the article is still in <paramref name="expected"/> status at
    /// <paramref name="expectedVersion"/>; null when it is not or does not exist.
    /// </summary>
    Task<Article?> SetStatusAsync(
        string id, ReviewStatus expected, int expectedVersion, ReviewStatus status, string? reason, Approval? approval, CancellationToken cancellationToken);

    /// <summary>The approved articles with the documents their current version cites (for living answers).</summary>
    Task<IReadOnlyList<(string Id, int Version, IReadOnlyList<EvidenceUsed> Evidence)>> ApprovedEvidenceAsync(CancellationToken cancellationToken);

    /// <summary>Every article's id and review status (what <c>audit verify</c> compares with the audit trail).</summary>
    Task<IReadOnlyList<(string Id, ReviewStatus Status)>> StatusesAsync(CancellationToken cancellationToken);
}
