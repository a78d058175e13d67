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

    /// <summary>Replaces the password hash (and clears any lockout).</summary>
    Task SetPasswordHashAsync(string name, string passwordHash, CancellationToken cancellationToken);
}
