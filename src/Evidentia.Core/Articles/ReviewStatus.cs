namespace Evidentia.Core.Articles;

/// <summary>Where an article stands with the medical review board. Only <see cref="Approved"/> lifts "pending human review".</summary>
public enum ReviewStatus
{
    Submitted,
    UnderReview,
    ChangesRequested,
    Approved,
}
