namespace Evidentia.Core.Accounts;

/// <summary>
/// A member of the review board or staff. <see cref="PasswordHash"/> is ASP.NET Core Identity's hash format;
/// <see cref="FailedLogins"/> and <see cref="LockedUntil"/> implement lockout after repeated failures. Every sign-in
/// carries <see cref="SecurityStamp"/>; a session whose stamp is no longer the account's (signed out, password or role
/// changed, account disabled) is refused.
/// </summary>
public sealed record User(
    string Name,
    string DisplayName,
    string? Credentials,
    Role Role,
    string PasswordHash,
    int FailedLogins,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedUtc,
    string SecurityStamp = "",
    bool Disabled = false);
