namespace Evidentia.Core.Articles;

/// <summary>What a member of the review board does to an article.</summary>
public enum ReviewAction
{
    /// <summary>A reviewer takes a submitted article: Submitted → Under review.</summary>
    StartReview,

    /// <summary>Under review → Approved.</summary>
    Approve,

    /// <summary>Under review → Changes requested, with a note saying what to change.</summary>
    RequestChanges,

    /// <summary>A new version: sentences removed or reordered, a reviewer's note. The article goes (back) to review.</summary>
    Edit,

    /// <summary>Changes requested → Submitted, once the changes are made.</summary>
    Resubmit,
}
