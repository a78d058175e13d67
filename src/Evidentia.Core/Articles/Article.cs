using Evidentia.Core.Answers;

namespace Evidentia.Core.Articles;

/// <summary>
/// An answered question kept in the library: one audience variant of it, at its current <see cref="Version"/>
/// (<see cref="Answer"/>), its readable <see cref="Slug"/> (shared by the variants of the same question), and its
/// review status, with why it is in that status when a rule put it there (<see cref="StatusReason"/>).
/// </summary>
public sealed record Article(string Slug, ReviewStatus Status, DateTimeOffset CreatedUtc, DateTimeOffset UpdatedUtc, Answer Answer)
{
    public string Id => Answer.Id;

    public int Version { get; init; } = 1;

    public string? StatusReason { get; init; }

    /// <summary>Set while <see cref="Status"/> is <see cref="ReviewStatus.Approved"/>.</summary>
    public Approval? Approval { get; init; }
}
