namespace Evidentia.Core.Accounts;

/// <summary>Roles of signed-in users; readers need no account.</summary>
public enum Role
{
    /// <summary>Reviews articles: starts reviews, approves, requests changes, removes or reorders sentences, adds a note.</summary>
    Reviewer,

    /// <summary>Edits articles (remove, reorder, note) and resubmits them; cannot approve.</summary>
    Editor,

    /// <summary>Everything a reviewer and an editor can do, and manages users and reads the audit trail.</summary>
    Admin,
}
