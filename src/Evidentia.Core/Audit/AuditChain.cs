using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Evidentia.Core.Audit;

/// <summary>The hash chain of the audit trail: how an entry's hash is computed and how a trail is verified.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>SHA-256 over the fields, each length-prefixed so no two entries serialise alike.</summary>
    public static string Hash(long sequence, DateTimeOffset utc, string actor, string action, string subject, string details, string previousHash)
    {
        var sb = new StringBuilder();
        foreach (var field in new[] { sequence.ToString(CultureInfo.InvariantCulture), utc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), actor, action, subject, details, previousHash })
        {
            sb.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>The problems of a trail read in sequence order: a changed entry, a removed one (a gap), or a broken link.</summary>
    public static IReadOnlyList<string> Verify(IEnumerable<AuditEntry> entries)
    {
        var problems = new List<string>();
        var previous = Genesis;
        var expected = 1L;
        foreach (var e in entries)
        {
            if (e.Sequence != expected)
            {
                problems.Add(e.Sequence > expected
                    ? $"entries {expected}–{e.Sequence - 1} are missing (removed)"
                    : $"entry {e.Sequence} is out of order");
            }

            if (e.PreviousHash != previous)
            {
                problems.Add($"entry {e.Sequence} does not link to the entry before it");
            }

            if (Hash(e.Sequence, e.Utc, e.Actor, e.Action, e.Subject, e.Details, e.PreviousHash) != e.Hash)
            {
                problems.Add($"entry {e.Sequence} was changed (its hash does not match its content)");
            }

            previous = e.Hash;
            expected = e.Sequence + 1;
        }

        return problems;
    }
}
