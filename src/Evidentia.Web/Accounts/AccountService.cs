using System.Security.Claims;
using System.Text.Json;
using Evidentia.Core.Accounts;
using Evidentia.Core.Audit;
using Microsoft.AspNetCore.Identity;

namespace Evidentia.Web.Accounts;

/// <summary>
/// Accounts: passwords hashed with ASP.NET Core Identity's hasher (PBKDF2), lockout after
/// <see cref="MaxFailedLogins"/> failures in a row for <see cref="LockoutDuration"/> (more than one client address may
/// try before that, <see cref="SignInThrottle"/>, so no single address can lock an account), and the claims a
/// signed-in user carries, checked against the account on every request (<see cref="IsSessionValidAsync"/>). Every
/// change to an account is audited.
/// </summary>
public sealed class AccountService(IUserStore users, IAuditLog audit, TimeProvider clock)
{
    public const int MinPasswordLength = 12;
    public const int MaxFailedLogins = 20;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public const string DisplayNameClaim = "evidentia:display-name";
    public const string CredentialsClaim = "evidentia:credentials";
    public const string SecurityStampClaim = "evidentia:security-stamp";

    private static readonly PasswordHasher<User> Hasher = new();

    /// <summary>Adds an account; the actor is whoever adds it ("cli" from the command line).</summary>
    /// <exception cref="ArgumentException">A field is invalid or the name is taken; the message says which.</exception>
    public async Task<User> AddAsync(string name, string displayName, string? credentials, Role role, string password, string actor, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 64 || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_' or '@')))
        {
            throw new ArgumentException("A user name is 1 to 64 letters, digits, '.', '-', '_' or '@'.", nameof(name));
        }

        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 200)
        {
            throw new ArgumentException("A display name is 1 to 200 characters.", nameof(displayName));
        }

        if (!Enum.IsDefined(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        CheckStrength(password);
        var user = new User(name, displayName.Trim(), string.IsNullOrWhiteSpace(credentials) ? null : credentials.Trim(), role, "", 0, null, clock.GetUtcNow());
        user = user with { PasswordHash = Hasher.HashPassword(user, password) };
        if (!await users.AddAsync(user, cancellationToken))
        {
            throw new ArgumentException($"The user name '{name}' is taken.", nameof(name));
        }

        await audit.AppendAsync(actor, "UserAdded", $"user {name}", JsonSerializer.Serialize(new { role = role.ToString(), displayName = user.DisplayName, credentials = user.Credentials }), cancellationToken);
        return user;
    }

    /// <summary>Sets a new password and ends every session of the account.</summary>
    /// <exception cref="ArgumentException">The password is too short or there is no such account.</exception>
    public async Task ChangePasswordAsync(string name, string password, string actor, CancellationToken cancellationToken)
    {
        CheckStrength(password);
        var user = await users.FindAsync(name.Trim(), cancellationToken) ?? throw NoSuchUser(name);
        await users.SetPasswordHashAsync(user.Name, Hasher.HashPassword(user, password), endSessions: true, cancellationToken);
        await audit.AppendAsync(actor, "UserPasswordChanged", $"user {user.Name}", "{}", cancellationToken);
    }

    /// <summary>Gives the account another role and ends every session it has.</summary>
    /// <exception cref="ArgumentException">There is no such account or role.</exception>
    public async Task SetRoleAsync(string name, Role role, string actor, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        var user = await users.FindAsync(name.Trim(), cancellationToken) ?? throw NoSuchUser(name);
        await users.UpdateAsync(user.Name, role, null, cancellationToken);
        await audit.AppendAsync(actor, "UserRoleChanged", $"user {user.Name}", JsonSerializer.Serialize(new { from = user.Role.ToString(), to = role.ToString() }), cancellationToken);
    }

    /// <summary>Disables the account (it can no longer sign in, and every session it has ends) or enables it again.</summary>
    /// <exception cref="ArgumentException">There is no such account.</exception>
    public async Task SetDisabledAsync(string name, bool disabled, string actor, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(name.Trim(), cancellationToken) ?? throw NoSuchUser(name);
        await users.UpdateAsync(user.Name, null, disabled, cancellationToken);
        await audit.AppendAsync(actor, disabled ? "UserDisabled" : "UserEnabled", $"user {user.Name}", "{}", cancellationToken);
    }

    /// <summary>Ends every session of the account (signing out ends them all, on every node).</summary>
    public Task EndSessionsAsync(string name, CancellationToken cancellationToken) => users.UpdateAsync(name, null, null, cancellationToken);

    /// <summary>
    /// Whether a signed-in principal still stands for its account as it is now: the account exists, is not disabled,
    /// has the principal's role and the security stamp the principal was signed in with.
    /// </summary>
    public async Task<bool> IsSessionValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.Identity?.Name is not { Length: > 0 } name)
        {
            return false;
        }

        var user = await users.FindAsync(name, cancellationToken);
        return user is { Disabled: false }
            && principal.IsInRole(user.Role.ToString())
            && principal.FindFirst(SecurityStampClaim)?.Value == user.SecurityStamp;
    }

    /// <summary>Checks a password, counting failures and locking the account after too many.</summary>
    public async Task<SignInResult> CheckAsync(string name, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(name.Trim(), cancellationToken);
        if (user is null)
        {
            // The same work as for a real account, so timing does not tell which names exist.
            Hasher.VerifyHashedPassword(new User("", "", null, Role.Reviewer, "", 0, null, default), DummyHash, password);
            return new SignInResult(null, false);
        }

        var now = clock.GetUtcNow();
        if (user.LockedUntil is { } until && until > now || user.Disabled)
        {
            // The same work again: a locked or disabled account answers as slowly as any other.
            Hasher.VerifyHashedPassword(user, DummyHash, password);
            return new SignInResult(null, true);
        }

        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            var failed = user.FailedLogins + 1;
            var locked = failed >= MaxFailedLogins;
            await users.SetLoginStateAsync(user.Name, locked ? 0 : failed, locked ? now + LockoutDuration : null, cancellationToken);
            if (locked)
            {
                await audit.AppendAsync("evidentia", "UserLockedOut", $"user {user.Name}", JsonSerializer.Serialize(new { failedLogins = failed }), cancellationToken);
            }

            return new SignInResult(null, locked);
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.SetPasswordHashAsync(user.Name, Hasher.HashPassword(user, password), endSessions: false, cancellationToken);
        }
        else if (user.FailedLogins > 0 || user.LockedUntil is not null)
        {
            await users.SetLoginStateAsync(user.Name, 0, null, cancellationToken);
        }

        return new SignInResult(user, false);
    }

    /// <summary>The claims of a signed-in user: name, role, display name and credentials.</summary>
    public static ClaimsPrincipal Principal(User user, string scheme) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, user.Name),
            new Claim(ClaimTypes.Role, user.Role.ToString()),
            new Claim(DisplayNameClaim, user.DisplayName),
            new Claim(SecurityStampClaim, user.SecurityStamp),
            .. user.Credentials is null ? Array.Empty<Claim>() : [new Claim(CredentialsClaim, user.Credentials)],
        ],
        scheme));

    private static void CheckStrength(string password)
    {
        if (password.Length < MinPasswordLength)
        {
            throw new ArgumentException($"A password has at least {MinPasswordLength} characters.", nameof(password));
        }
    }

    private static ArgumentException NoSuchUser(string name) => new($"There is no user '{name.Trim()}'.", nameof(name));

    private static readonly string DummyHash = Hasher.HashPassword(new User("", "", null, Role.Reviewer, "", 0, null, default), "not a password of anyone");
}

/// <summary>The outcome of a password check: the user when it succeeded, and whether the account is locked or disabled (never shown: a refused sign-in says the same whatever the reason).</summary>
public sealed record SignInResult(User? User, bool LockedOut);
