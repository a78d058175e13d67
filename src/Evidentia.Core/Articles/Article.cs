using Evidentia.Core.Answers;

namespace Evidentia.Core.Articles;

/// <summary>
/// An answered question kept in the library: one audience variant of it (<see cref="Answer"/>), its readable
/// <see cref="Slug"/> (shared by the variants of the same question), and its review status.
/// </summary>
public sealed record Article(string Slug, ReviewStatus Status, DateTimeOffset CreatedUtc, DateTimeOffset UpdatedUtc, Answer Answer)
{
    public string Id => Answer.Id;
}
