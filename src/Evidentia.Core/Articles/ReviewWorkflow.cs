using Evidentia.Core.Accounts;

namespace Evidentia.Core.Articles;

/// <summary>
/// The review workflow: Submitted → Under review → Approved, or → Changes requested → edited → Submitted again.
/// Nothing is Approved without a reviewer; an edit of an approved article sends it back to review.
/// </summary>
public static class ReviewWorkflow
{
    /// <summary>Whether <paramref name="role"/> may take <paramref name="action"/> at all.</summary>
    public static bool Allows(Role role, ReviewAction action) => action switch
    {
        ReviewAction.StartReview or ReviewAction.Approve or ReviewAction.RequestChanges => role is Role.Reviewer or Role.Admin,
        ReviewAction.Edit => true,
        ReviewAction.Resubmit => role is Role.Editor or Role.Admin,
        _ => false,
    };

    /// <summary>The status after <paramref name="action"/>, or null when the action does not apply in <paramref name="status"/>.</summary>
    public static ReviewStatus? Next(ReviewStatus status, ReviewAction action, Role role) => (action, status) switch
    {
        (ReviewAction.StartReview, ReviewStatus.Submitted) => ReviewStatus.UnderReview,
        (ReviewAction.Approve, ReviewStatus.UnderReview) => ReviewStatus.Approved,
        (ReviewAction.RequestChanges, ReviewStatus.UnderReview) => ReviewStatus.ChangesRequested,
        (ReviewAction.Resubmit, ReviewStatus.ChangesRequested) => ReviewStatus.Submitted,
        // A reviewer's edit during the review keeps it in review; any other edit is submitted for review.
        (ReviewAction.Edit, ReviewStatus.UnderReview) when role is Role.Reviewer or Role.Admin => ReviewStatus.UnderReview,
        (ReviewAction.Edit, ReviewStatus.ChangesRequested) => ReviewStatus.ChangesRequested,
        (ReviewAction.Edit, _) => ReviewStatus.Submitted,
        _ => null,
    };

    /// <summary>The actions <paramref name="role"/> can take on an article in <paramref name="status"/>.</summary>
    public static IReadOnlyList<ReviewAction> Available(ReviewStatus status, Role role) =>
        Enum.GetValues<ReviewAction>().Where(a => Allows(role, a) && Next(status, a, role) is not null).ToList();
}
