using System.Data.Common;
using Evidentia.Core.Accounts;

namespace Evidentia.Storage.Relational;

/// <summary>Accounts. Names are unique whatever their case (an index on <c>lower(name)</c>).</summary>
public sealed class UserStore(Database database) : IUserStore
{
    private const string Columns = "name, display_name, credentials, role, password_hash, failed_logins, locked_until, created_utc, security_stamp, disabled";

    /// <inheritdoc />
    public Task<bool> AddAsync(User user, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, tx) =>
        {
            await using var cmd = connection.Command(tx, $"""
                INSERT INTO users ({Columns}) VALUES (@name, @display, @credentials, @role, @hash, 0, NULL, @created, @stamp, 0)
                ON CONFLICT DO NOTHING
                """,
                ("@name", user.Name), ("@display", user.DisplayName), ("@credentials", user.Credentials), ("@role", user.Role.ToString()),
                ("@hash", user.PasswordHash), ("@created", Times.Format(user.CreatedUtc)), ("@stamp", NewStamp()));
            return await cmd.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<User?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await ReadAsync($"SELECT {Columns} FROM users WHERE lower(name) = lower(@name)", cancellationToken, ("@name", name))).FirstOrDefault();

    /// <inheritdoc />
    public Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {Columns} FROM users ORDER BY lower(name)", cancellationToken);

    /// <inheritdoc />
    public Task SetLoginStateAsync(string name, int failedLogins, DateTimeOffset? lockedUntil, CancellationToken cancellationToken) =>
        WriteAsync("UPDATE users SET failed_logins = @failed, locked_until = @until WHERE lower(name) = lower(@name)", cancellationToken,
            ("@failed", failedLogins), ("@until", lockedUntil is { } until ? Times.Format(until) : null), ("@name", name));

    /// <inheritdoc />
    public async Task<bool> SetPasswordHashAsync(string name, string passwordHash, bool endSessions, CancellationToken cancellationToken) =>
        await WriteAsync("""
            UPDATE users SET password_hash = @hash, failed_logins = 0, locked_until = NULL, security_stamp = COALESCE(@stamp, security_stamp)
            WHERE lower(name) = lower(@name)
            """, cancellationToken,
            ("@hash", passwordHash), ("@stamp", endSessions ? NewStamp() : null), ("@name", name)) == 1;

    /// <inheritdoc />
    public async Task<bool> UpdateAsync(string name, Role? role, bool? disabled, CancellationToken cancellationToken) =>
        await WriteAsync("""
            UPDATE users SET role = COALESCE(@role, role), disabled = COALESCE(@disabled, disabled), security_stamp = @stamp
            WHERE lower(name) = lower(@name)
            """, cancellationToken,
            ("@role", role?.ToString()), ("@disabled", disabled is { } d ? (d ? 1 : 0) : null), ("@stamp", NewStamp()), ("@name", name)) == 1;

    private static string NewStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    private Task<int> WriteAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        database.WriteAsync(async (connection, tx) =>
        {
            await using var cmd = connection.Command(tx, sql, parameters);
            return await cmd.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private Task<IReadOnlyList<User>> ReadAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        database.ReadAsync<IReadOnlyList<User>>(async connection =>
        {
            await using var cmd = connection.Command(null, sql, parameters);
            var users = new List<User>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                users.Add(Read(reader));
            }

            return users;
        }, cancellationToken);

    private static User Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.NullableString(2), Enum.Parse<Role>(r.GetString(3)), r.GetString(4), (int)r.Integer(5),
        r.NullableString(6) is { } until ? Times.Parse(until) : null, Times.Parse(r.GetString(7)), r.GetString(8), r.Integer(9) != 0);
}
