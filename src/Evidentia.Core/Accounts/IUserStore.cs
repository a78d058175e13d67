namespace Evidentia.Core.Accounts;

/// <summary>Accounts (SQLite embedded, PostgreSQL scaled out). Names are compared case-insensitively.</summary>
public interface IUserStore
{
    /// <summary>Adds a user; false when the name is taken.</summary>
    Task<bool> AddAsync(User user, CancellationToken cancellationToken);

    Task<User?> FindAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Records a sign-in attempt's outcome: the failure count and the lockout end (null to clear it).</summary>
    Task SetLoginStateAsync(string name, int failedLogins, DateTimeOffset? lockedUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the password hash (and clears any lockout); <paramref name="endSessions"/> also gives the account a new
    /// security stamp (a password change, not a rehash). False when there is no such account.
    /// </summary>
    Task<bool> SetPasswordHashAsync(string name, string passwordHash, bool endSessions, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the role, the disabled flag or both (null: unchanged) and gives the account a new security stamp, which
    /// ends every session it has; false when there is no such account.
    /// </summary>
    Task<bool> UpdateAsync(string name, Role? role, bool? disabled, CancellationToken cancellationToken);
}
