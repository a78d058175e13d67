namespace Evidentia.Core.Accounts;

/// <summary>
/// A member of the review board or staff. <see cref="PasswordHash"/> is ASP.NET Core Identity's hash format;
/// <see cref="FailedLogins"/> and <see cref="LockedUntil"/> implement lockout after repeated failures.
/// </summary>
public sealed record User(
    string Name,
    string DisplayName,
    string? Credentials,
    Role Role,
    string PasswordHash,
    int FailedLogins,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedUtc);
