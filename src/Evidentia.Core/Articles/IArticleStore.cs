using Evidentia.Core.Answers;

namespace Evidentia.Core.Articles;

/// <summary>The library of answered questions (SQLite embedded, PostgreSQL scaled out).</summary>
public interface IArticleStore
{
    /// <summary>
    /// Keeps an answer as an article: a new one is <see cref="ReviewStatus.Submitted"/>; an existing one keeps its
    /// creation date and status, and its update date moves only when the composed content changed.
    /// </summary>
    Task<Article> SaveAsync(Answer answer, CancellationToken cancellationToken);

    /// <summary>The article with this answer id, or null.</summary>
    Task<Article?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The variants of the question with this slug (one per audience), newest first.</summary>
    Task<IReadOnlyList<Article>> GetBySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>Articles newest first, one per question (its most recently updated variant).</summary>
    Task<IReadOnlyList<Article>> ListAsync(ArticleQuery query, CancellationToken cancellationToken);

    /// <summary>Sets the review status of every variant of a question; false when no article has this slug.</summary>
    Task<bool> SetStatusAsync(string slug, ReviewStatus status, CancellationToken cancellationToken);

    /// <summary>Topics (question focus) and question types of the library with their article counts.</summary>
    Task<IReadOnlyList<(string Kind, string Value, int Count)>> FacetsAsync(CancellationToken cancellationToken);
}
