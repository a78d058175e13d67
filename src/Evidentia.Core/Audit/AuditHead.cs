using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Evidentia.Core.Audit;

/// <summary>
/// The signed head of the audit trail: how many entries it has and the hash of the last, with a keyed MAC
/// (HMAC-SHA256) over both. The key is kept outside the database (<see cref="AuditKey"/>), so whoever can write the
/// database but not read the key cannot truncate the trail, rewrite it and recompute the chain, or append an entry,
/// without the head giving it away.
/// </summary>
public sealed record AuditHead(long Count, string Hash, string Signature)
{
    /// <summary>The head of a trail of <paramref name="count"/> entries ending in <paramref name="hash"/>, signed with <paramref name="key"/>.</summary>
    public static AuditHead Sign(ReadOnlySpan<byte> key, long count, string hash) =>
        new(count, hash, Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Message(count, hash)))));

    /// <summary>Whether the signature is this key's over the count and hash (compared in constant time).</summary>
    public bool IsSignedBy(ReadOnlySpan<byte> key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(key, Count, Hash).Signature), Encoding.ASCII.GetBytes(Signature));

    /// <summary>Whether this head, signed by <paramref name="key"/>, says the trail ends at entry <paramref name="count"/> with <paramref name="hash"/>.</summary>
    public bool Covers(ReadOnlySpan<byte> key, long count, string hash) => Count == count && Hash == hash && IsSignedBy(key);

    /// <summary>The stored form: count, hash and signature separated by spaces.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Count} {Hash} {Signature}");

    /// <summary>Reads the stored form; null when it is not one.</summary>
    public static AuditHead? Parse(string? stored) =>
        stored?.Split(' ') is [var count, var hash, var signature] && long.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? new AuditHead(n, hash, signature)
            : null;

    private static string Message(long count, string hash) => string.Create(CultureInfo.InvariantCulture, $"evidentia-audit-head\n{count}\n{hash}");
}
